package dev.asap.space.constraint;

import static dev.asap.space.constraint.Token.Type.AND;
import static dev.asap.space.constraint.Token.Type.COMMA;
import static dev.asap.space.constraint.Token.Type.DIVIDE;
import static dev.asap.space.constraint.Token.Type.END;
import static dev.asap.space.constraint.Token.Type.EQUAL;
import static dev.asap.space.constraint.Token.Type.FALSE;
import static dev.asap.space.constraint.Token.Type.FLOOR_DIVIDE;
import static dev.asap.space.constraint.Token.Type.GREATER;
import static dev.asap.space.constraint.Token.Type.GREATER_EQUAL;
import static dev.asap.space.constraint.Token.Type.IN;
import static dev.asap.space.constraint.Token.Type.LEFT_BRACKET;
import static dev.asap.space.constraint.Token.Type.LEFT_PAREN;
import static dev.asap.space.constraint.Token.Type.LESS;
import static dev.asap.space.constraint.Token.Type.LESS_EQUAL;
import static dev.asap.space.constraint.Token.Type.MINUS;
import static dev.asap.space.constraint.Token.Type.MODULO;
import static dev.asap.space.constraint.Token.Type.NAME;
import static dev.asap.space.constraint.Token.Type.NOT;
import static dev.asap.space.constraint.Token.Type.NOT_EQUAL;
import static dev.asap.space.constraint.Token.Type.NUMBER;
import static dev.asap.space.constraint.Token.Type.OR;
import static dev.asap.space.constraint.Token.Type.PLUS;
import static dev.asap.space.constraint.Token.Type.POWER;
import static dev.asap.space.constraint.Token.Type.QUOTED_NAME;
import static dev.asap.space.constraint.Token.Type.RIGHT_BRACKET;
import static dev.asap.space.constraint.Token.Type.RIGHT_PAREN;
import static dev.asap.space.constraint.Token.Type.STRING;
import static dev.asap.space.constraint.Token.Type.TIMES;
import static dev.asap.space.constraint.Token.Type.TRUE;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Splits a constraint's text into tokens, ending with an END token. */
final class Lexer {
  private static final Map<String, Token.Type> KEYWORDS = Map.of(
      "and", AND, "or", OR, "not", NOT, "in", IN, "true", TRUE, "True", TRUE, "false", FALSE, "False", FALSE);

  /** Two-character symbols come first so that "**" is not read as two "*". */
  private static final List<Map.Entry<String, Token.Type>> SYMBOLS = List.of(
      Map.entry("**", POWER), Map.entry("//", FLOOR_DIVIDE), Map.entry("<=", LESS_EQUAL),
      Map.entry(">=", GREATER_EQUAL), Map.entry("==", EQUAL), Map.entry("!=", NOT_EQUAL), Map.entry("&&", AND),
      Map.entry("||", OR), Map.entry("+", PLUS), Map.entry("-", MINUS), Map.entry("*", TIMES), Map.entry("/", DIVIDE),
      Map.entry("%", MODULO), Map.entry("<", LESS), Map.entry(">", GREATER), Map.entry("!", NOT),
      Map.entry("(", LEFT_PAREN), Map.entry(")", RIGHT_PAREN), Map.entry("[", LEFT_BRACKET),
      Map.entry("]", RIGHT_BRACKET), Map.entry(",", COMMA));

  private final String text;
  private int position;

  private Lexer(String text) {
    this.text = text;
  }

  static List<Token> tokenize(String text) {
    Lexer lexer = new Lexer(text);
    List<Token> tokens = new ArrayList<>();
    Token token;
    do {
      token = lexer.next();
      tokens.add(token);
    } while (!token.is(END));
    return tokens;
  }

  private Token next() {
    while (position < text.length() && Character.isWhitespace(text.charAt(position))) {
      position++;
    }
    if (position == text.length()) {
      return new Token(END, "", position + 1);
    }
    char c = text.charAt(position);
    if (isDigit(c) || c == '.' && isDigit(charAt(position + 1))) {
      return number();
    }
    if (isNameStart(c)) {
      return word();
    }
    if (c == '`') {
      return quoted(QUOTED_NAME, "the name in backticks starting here is never closed; add a closing `");
    }
    if (c == '\'' || c == '"') {
      return quoted(STRING, "the string starting here is never closed; add a closing " + c);
    }
    for (Map.Entry<String, Token.Type> symbol : SYMBOLS) {
      if (text.startsWith(symbol.getKey(), position)) {
        return take(symbol.getValue(), position + symbol.getKey().length());
      }
    }
    throw new ConstraintException(position + 1, unexpected(c));
  }

  /** Digits with an optional fraction and exponent: 64, 1.5, .5, 5., 1e-3. */
  private Token number() {
    int end = digitsFrom(position);
    if (charAt(end) == '.') {
      end = digitsFrom(end + 1);
    }
    if (charAt(end) == 'e' || charAt(end) == 'E') {
      int exponent = charAt(end + 1) == '+' || charAt(end + 1) == '-' ? end + 2 : end + 1;
      if (isDigit(charAt(exponent))) {
        end = digitsFrom(exponent);
      }
    }
    if (isNamePart(charAt(end))) {
      int wordEnd = end;
      while (isNamePart(charAt(wordEnd))) {
        wordEnd++;
      }
      throw new ConstraintException(position + 1, "'" + text.substring(position, wordEnd) + "' is not a number; "
          + "write numbers like 64, 0.5 or 1e-3, and a name that starts with a digit in backticks, e.g. `2x`");
    }
    return take(NUMBER, end);
  }

  private Token word() {
    int end = position + 1;
    while (isNamePart(charAt(end))) {
      end++;
    }
    return take(KEYWORDS.getOrDefault(text.substring(position, end), NAME), end);
  }

  /** A string or a name in backticks: everything up to the next copy of the opening character. */
  private Token quoted(Token.Type type, String unclosedProblem) {
    int close = text.indexOf(text.charAt(position), position + 1);
    if (close < 0) {
      throw new ConstraintException(position + 1, unclosedProblem);
    }
    if (type == QUOTED_NAME && close == position + 1) {
      throw new ConstraintException(position + 1,
          "the backticks hold no name; write a parameter name between them, e.g. `my-param`");
    }
    return take(type, close + 1);
  }

  private Token take(Token.Type type, int end) {
    Token token = new Token(type, text.substring(position, end), position + 1);
    position = end;
    return token;
  }

  private static String unexpected(char c) {
    return switch (c) {
      case '=' -> "'=' is not an operator; use '==' to compare";
      case '&' -> "unexpected character '&'; write 'and' (or '&&')";
      case '|' -> "unexpected character '|'; write 'or' (or '||')";
      case '^' -> "unexpected character '^'; write powers with '**'";
      default -> "unexpected character '" + c + "'; write a parameter name that has other characters in backticks, "
          + "e.g. `my-param`";
    };
  }

  private int digitsFrom(int start) {
    int end = start;
    while (isDigit(charAt(end))) {
      end++;
    }
    return end;
  }

  /** The character at {@code index}, or '\0' past the end, which keeps look-ahead free of bounds checks. */
  private char charAt(int index) {
    return index < text.length() ? text.charAt(index) : '\0';
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isNameStart(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_';
  }

  private static boolean isNamePart(char c) {
    return isNameStart(c) || isDigit(c) || c == '.';
  }
}
