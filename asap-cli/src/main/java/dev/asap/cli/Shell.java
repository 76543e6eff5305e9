package dev.asap.cli;

/** Quotes a word for a POSIX shell when it needs quoting, so printed commands can be pasted. */
final class Shell {
  private Shell() {}

  static String quote(String s) {
    if (s.matches("[A-Za-z0-9_./:=+-]+")) {
      return s;
    }
    return "'" + s.replace("'", "'\\''") + "'";
  }
}
