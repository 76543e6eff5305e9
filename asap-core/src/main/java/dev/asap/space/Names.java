package dev.asap.space;

/** Checks on parameter names and readable descriptions of values for error messages. */
final class Names {
  private Names() {}

  static void check(String name) {
    if (name == null || name.isBlank()) {
      throw new InvalidSpaceException("a parameter has an empty name; give every parameter a name");
    }
  }

  static String describe(Object value) {
    if (value == null) {
      return "nothing (null)";
    }
    if (value instanceof String s) {
      return "'" + s + "'";
    }
    return value + " (" + value.getClass().getSimpleName() + ")";
  }
}
