package dev.asap.space;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** Shared handling of a finite list of values (categorical and ordinal parameters). */
final class Choices {
  private Choices() {}

  static List<Object> validated(String name, List<?> values, String what) {
    Names.check(name);
    if (values == null || values.isEmpty()) {
      throw new InvalidSpaceException("parameter '" + name + "': " + what + " must list at least one value");
    }
    List<Object> out = new ArrayList<>(values.size());
    Set<Object> seen = new HashSet<>();
    for (Object v : values) {
      Object c = normalise(name, v);
      if (c instanceof String text && text.indexOf('\0') >= 0) {
        throw new InvalidSpaceException("parameter '" + name + "': value " + Names.describe(text.replace("\0", "\\0"))
            + " contains a NUL character, which no program argument can hold");
      }
      if (!seen.add(c)) {
        throw new InvalidSpaceException("parameter '" + name + "': value " + Names.describe(c) + " appears twice in "
            + what);
      }
      out.add(c);
    }
    return List.copyOf(out);
  }

  /** Integers become Long and other numbers Double, so that values compare equal whatever parsed them. */
  static Object normalise(String name, Object v) {
    if (v instanceof String || v instanceof Boolean) {
      return v;
    }
    if (v instanceof Number n) {
      double d = n.doubleValue();
      if (!Double.isFinite(d)) {
        throw new InvalidSpaceException("parameter '" + name + "': value " + v + " is not finite");
      }
      if ((v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte
          || v instanceof java.math.BigInteger)) {
        return n.longValue();
      }
      return d;
    }
    throw new InvalidSpaceException("parameter '" + name + "': values must be strings, numbers or booleans, got "
        + Names.describe(v));
  }

  static int indexOf(String name, List<Object> values, Object value) {
    Object c;
    try {
      c = normalise(name, value);
    } catch (InvalidSpaceException e) {
      throw new IllegalArgumentException(e.getMessage());
    }
    int i = values.indexOf(c);
    if (i < 0 && c instanceof Long l) {
      i = values.indexOf(l.doubleValue());
    }
    if (i < 0 && c instanceof Double d && d == Math.rint(d)) {
      i = values.indexOf((long) (double) d);
    }
    if (i < 0) {
      throw new IllegalArgumentException("parameter '" + name + "' must be one of " + values + ", got "
          + Names.describe(value));
    }
    return i;
  }

  static double toUnit(int index, int n) {
    return (index + 0.5) / n;
  }

  static int fromUnit(double unit, int n) {
    int i = (int) Math.floor(Parameter.clampUnit(unit) * n);
    return Math.min(n - 1, i);
  }

  static boolean contains(List<Object> values, Object value) {
    return value != null && values.contains(value) && Objects.equals(value.getClass(),
        values.get(values.indexOf(value)).getClass());
  }
}
