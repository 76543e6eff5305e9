package dev.asap.space;

import java.util.List;

/** A choice among unordered values (strings, numbers or booleans). */
public record CategoricalParameter(String name, List<Object> choices) implements Parameter {

  public CategoricalParameter {
    choices = Choices.validated(name, choices, "choices");
  }

  public static CategoricalParameter of(String name, Object... choices) {
    return new CategoricalParameter(name, List.of(choices));
  }

  public int indexOf(Object value) {
    return Choices.indexOf(name, choices, value);
  }

  @Override
  public double toUnit(Object value) {
    return Choices.toUnit(indexOf(value), choices.size());
  }

  @Override
  public Object fromUnit(double unit) {
    return choices.get(Choices.fromUnit(unit, choices.size()));
  }

  @Override
  public Object canonical(Object value) {
    return choices.get(indexOf(value));
  }

  @Override
  public boolean contains(Object value) {
    return Choices.contains(choices, value);
  }

  @Override
  public long cardinality() {
    return choices.size();
  }

  @Override
  public boolean isCategorical() {
    return true;
  }
}
