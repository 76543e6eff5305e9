package dev.asap.space;

/** Checks on parameter names and readable descriptions of values for error messages. */
final class Names {
  private Names() {}

  /**
   * A name that can stand in a command's {@code {name}} placeholder, a constraint and a column header: a letter
   * or {@code _}, then letters, digits, {@code _}, {@code .} and {@code -}.
   */
  private static final java.util.regex.Pattern SAFE = java.util.regex.Pattern.compile("[A-Za-z_][A-Za-z0-9_.\\-]*");

  static void check(String name) {
    if (name == null || name.isBlank()) {
      throw new InvalidSpaceException("a parameter has an empty name; give every parameter a name");
    }
    if (!SAFE.matcher(name).matches()) {
      throw new InvalidSpaceException("parameter name '" + name + "' is not allowed: use a letter or _ first, then"
          + " letters, digits, _, . or - (e.g. '" + suggestion(name) + "')");
    }
  }

  /** {@code name} with every disallowed character replaced by {@code _}. */
  private static String suggestion(String name) {
    String s = name.replaceAll("[^A-Za-z0-9_.\\-]", "_");
    return Character.isLetter(s.charAt(0)) || s.charAt(0) == '_' ? s : "_" + s;
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
