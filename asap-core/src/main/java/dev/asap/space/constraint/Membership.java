package dev.asap.space.constraint;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code x in [...]} or {@code x not in [...]}, against a list of literal values. */
final class Membership implements Expr.Condition {
  private final Expr element;
  private final double[] numbers; // numbers compare as doubles, so 4L is in [4.0]
  private final Object[] others;
  private final boolean negated;

  Membership(Expr element, List<Object> list, boolean negated) {
    this.element = element;
    this.numbers = list.stream().filter(v -> v instanceof Double).mapToDouble(v -> (Double) v).toArray();
    List<Object> others = new ArrayList<>(list);
    others.removeIf(v -> v instanceof Double);
    this.others = others.toArray();
    this.negated = negated;
  }

  @Override
  public boolean holds(Map<String, ?> values) {
    return contains(values) != negated;
  }

  @Override
  public double violation(Map<String, ?> values) {
    return holds(values) ? 0 : 1;
  }

  private boolean contains(Map<String, ?> values) {
    if (element instanceof Expr.Numeric numeric) {
      return containsNumber(numeric.number(values));
    }
    Object value = element.value(values);
    if (value instanceof Number) {
      return containsNumber(Numbers.of(value));
    }
    for (Object other : others) {
      if (other.equals(value)) {
        return true;
      }
    }
    return false;
  }

  private boolean containsNumber(double number) {
    for (double candidate : numbers) {
      if (candidate == number) {
        return true;
      }
    }
    return false;
  }
}
