package dev.asap.space.constraint;

/** One lexical unit of a constraint: {@code text} exactly as written, starting at the 1-based {@code column}. */
record Token(Type type, String text, int column) {

  enum Type {
    NUMBER, STRING, NAME, QUOTED_NAME,
    PLUS, MINUS, TIMES, DIVIDE, FLOOR_DIVIDE, MODULO, POWER,
    LESS, LESS_EQUAL, GREATER, GREATER_EQUAL, EQUAL, NOT_EQUAL,
    AND, OR, NOT, IN, TRUE, FALSE,
    LEFT_PAREN, RIGHT_PAREN, LEFT_BRACKET, RIGHT_BRACKET, COMMA,
    END
  }

  boolean is(Type other) {
    return type == other;
  }

  /** The text between the quotes of a STRING or the backticks of a QUOTED_NAME. */
  String content() {
    return text.substring(1, text.length() - 1);
  }

  /** How error messages refer to this token. */
  String describe() {
    return switch (type) {
      case END -> "the end of the constraint";
      case STRING, QUOTED_NAME -> text;
      default -> "'" + text + "'";
    };
  }
}
