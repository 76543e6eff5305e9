package dev.asap.space;

import java.util.List;

/** A choice among values with a meaningful order (e.g. a grid of batch sizes); models may treat the rank as a number. */
public record OrdinalParameter(String name, List<Object> values) implements Parameter {

  public OrdinalParameter {
    values = Choices.validated(name, values, "values");
  }

  public static OrdinalParameter of(String name, Object... values) {
    return new OrdinalParameter(name, List.of(values));
  }

  public int indexOf(Object value) {
    return Choices.indexOf(name, values, value);
  }

  @Override
  public double toUnit(Object value) {
    return Choices.toUnit(indexOf(value), values.size());
  }

  @Override
  public Object fromUnit(double unit) {
    return values.get(Choices.fromUnit(unit, values.size()));
  }

  @Override
  public Object canonical(Object value) {
    return values.get(indexOf(value));
  }

  @Override
  public boolean contains(Object value) {
    return Choices.contains(values, value);
  }

  @Override
  public long cardinality() {
    return values.size();
  }
}
