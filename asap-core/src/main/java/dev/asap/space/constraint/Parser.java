package dev.asap.space.constraint;

import static dev.asap.space.constraint.Token.Type.AND;
import static dev.asap.space.constraint.Token.Type.COMMA;
import static dev.asap.space.constraint.Token.Type.DIVIDE;
import static dev.asap.space.constraint.Token.Type.END;
import static dev.asap.space.constraint.Token.Type.FALSE;
import static dev.asap.space.constraint.Token.Type.FLOOR_DIVIDE;
import static dev.asap.space.constraint.Token.Type.IN;
import static dev.asap.space.constraint.Token.Type.LEFT_BRACKET;
import static dev.asap.space.constraint.Token.Type.LEFT_PAREN;
import static dev.asap.space.constraint.Token.Type.MINUS;
import static dev.asap.space.constraint.Token.Type.MODULO;
import static dev.asap.space.constraint.Token.Type.NOT;
import static dev.asap.space.constraint.Token.Type.NUMBER;
import static dev.asap.space.constraint.Token.Type.OR;
import static dev.asap.space.constraint.Token.Type.PLUS;
import static dev.asap.space.constraint.Token.Type.POWER;
import static dev.asap.space.constraint.Token.Type.RIGHT_BRACKET;
import static dev.asap.space.constraint.Token.Type.RIGHT_PAREN;
import static dev.asap.space.constraint.Token.Type.STRING;
import static dev.asap.space.constraint.Token.Type.TIMES;
import static dev.asap.space.constraint.Token.Type.TRUE;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Recursive-descent parser from tokens to a tree of {@link Expr} nodes, one method per grammar rule (see
 * {@link Constraint}). It rejects the type errors the text reveals, and turns each parameter into the kind of node
 * its place needs: a number, a condition, or a value of unknown type for ==, != and in.
 *
 * <p>Methods that check an operand take {@code from}, the index of its first token; they are called right after
 * the operand is parsed, so the operand's text, for the message, runs from there to the current position.
 */
final class Parser {
  private static final String EXAMPLE = "e.g. 'tp * pp <= 64'";
  private static final Set<Token.Type> ADDITIVE = EnumSet.of(PLUS, MINUS);
  private static final Set<Token.Type> MULTIPLICATIVE = EnumSet.of(TIMES, DIVIDE, FLOOR_DIVIDE, MODULO);

  private final String text;
  private final List<Token> tokens;
  private final Set<String> knownNames;
  private final Set<String> names = new LinkedHashSet<>();
  private int position;

  record Result(Expr.Condition root, Set<String> names) {}

  private Parser(String text, Set<String> knownNames) {
    this.text = text;
    this.tokens = Lexer.tokenize(text);
    this.knownNames = knownNames;
  }

  static Result parse(String text, Set<String> knownNames) {
    Parser parser = new Parser(text, knownNames);
    return new Result(parser.constraint(), parser.names);
  }

  private Expr.Condition constraint() {
    if (peek().is(END)) {
      throw new ConstraintException(1, "the constraint is empty; write a condition, " + EXAMPLE);
    }
    Expr expression = or();
    if (!peek().is(END)) {
      throw trailing(peek());
    }
    return condition(expression, 0, "a constraint must be a comparison or a condition, " + EXAMPLE);
  }

  private Expr or() {
    return junction(OR, this::and, Or::new);
  }

  private Expr and() {
    return junction(AND, this::not, And::new);
  }

  /** {@code part {joiner part}}: one part is returned as is, more are combined. */
  private Expr junction(Token.Type joiner, Supplier<Expr> part, Function<Expr.Condition[], Expr.Condition> combine) {
    int from = position;
    Expr first = part.get();
    if (!peek().is(joiner)) {
      return first;
    }
    List<Expr.Condition> parts = new ArrayList<>();
    parts.add(condition(first, from, joinerNeeds(peek())));
    while (peek().is(joiner)) {
      Token operator = next();
      int partFrom = position;
      parts.add(condition(part.get(), partFrom, joinerNeeds(operator)));
    }
    return combine.apply(parts.toArray(Expr.Condition[]::new));
  }

  private static String joinerNeeds(Token operator) {
    return operator.describe() + " joins conditions; compare it, " + EXAMPLE;
  }

  private Expr not() {
    if (!peek().is(NOT)) {
      return comparison();
    }
    Token operator = next();
    int from = position;
    return new Not(condition(not(), from, operator.describe() + " needs a condition; compare it, " + EXAMPLE));
  }

  /** {@code sum {op sum}} with chains meaning "and" as in Python, or {@code sum [not] in list}. */
  private Expr comparison() {
    int from = position;
    Expr left = sum();
    if (peek().is(IN) || peek().text().equals("not") && tokens.get(position + 1).is(IN)) {
      return membership(left);
    }
    List<Expr.Condition> links = new ArrayList<>();
    for (Comparison.Operator operator = comparisonOperator(peek()); operator != null;
        operator = comparisonOperator(peek())) {
      String symbol = peek().describe();
      Expr leftOperand = operator.isOrdering() ? numeric(left, from, symbol) : left;
      next();
      int rightFrom = position;
      Expr right = sum();
      Expr rightOperand = operator.isOrdering() ? numeric(right, rightFrom, symbol) : right;
      links.add(link(operator, leftOperand, rightOperand));
      left = rightOperand;
      from = rightFrom;
    }
    if (links.isEmpty()) {
      return left;
    }
    return links.size() == 1 ? links.get(0) : new And(links.toArray(Expr.Condition[]::new));
  }

  private static Expr.Condition link(Comparison.Operator operator, Expr left, Expr right) {
    if (left instanceof Expr.Numeric a && right instanceof Expr.Numeric b) {
      return new Comparison(operator, a, b);
    }
    return new ValueEquality(left, right, operator == Comparison.Operator.NOT_EQUAL);
  }

  private static Comparison.Operator comparisonOperator(Token token) {
    return switch (token.type()) {
      case LESS -> Comparison.Operator.LESS;
      case LESS_EQUAL -> Comparison.Operator.LESS_EQUAL;
      case GREATER -> Comparison.Operator.GREATER;
      case GREATER_EQUAL -> Comparison.Operator.GREATER_EQUAL;
      case EQUAL -> Comparison.Operator.EQUAL;
      case NOT_EQUAL -> Comparison.Operator.NOT_EQUAL;
      default -> null;
    };
  }

  private Expr.Condition membership(Expr element) {
    boolean negated = accept(NOT);
    next();
    String operator = negated ? "'not in'" : "'in'";
    Token open = next();
    if (!open.is(LEFT_BRACKET) && !open.is(LEFT_PAREN)) {
      throw new ConstraintException(open.column(), "expected a list of values after " + operator
          + ", e.g. [2, 4, 8], found " + open.describe());
    }
    Token.Type closer = open.is(LEFT_BRACKET) ? RIGHT_BRACKET : RIGHT_PAREN;
    List<Object> list = new ArrayList<>();
    while (!accept(closer)) {
      list.add(listValue(open, operator));
      if (!accept(COMMA)) {
        close(open, closer, "',' or ");
        break;
      }
    }
    if (list.isEmpty()) {
      throw new ConstraintException(open.column(), "the list after " + operator
          + " is empty; list at least one value, e.g. [2, 4, 8]");
    }
    return new Membership(element, list, negated);
  }

  /** A number (Double), a string or a boolean. */
  private Object listValue(Token open, String operator) {
    Token token = next();
    if (token.is(NUMBER)) {
      return number(token);
    }
    if (token.is(MINUS) && peek().is(NUMBER)) {
      return -number(next());
    }
    if (token.is(STRING)) {
      return token.content();
    }
    if (token.is(TRUE) || token.is(FALSE)) {
      return token.is(TRUE);
    }
    if (token.is(END)) {
      throw neverClosed(open);
    }
    throw new ConstraintException(token.column(), "the list after " + operator
        + " can hold only numbers, strings and true/false, found " + token.describe()
        + "; quote text values, e.g. 'sgd'");
  }

  private Expr sum() {
    return leftAssociative(ADDITIVE, this::term);
  }

  private Expr term() {
    return leftAssociative(MULTIPLICATIVE, this::unary);
  }

  private Expr leftAssociative(Set<Token.Type> operators, Supplier<Expr> operand) {
    int from = position;
    Expr left = operand.get();
    while (operators.contains(peek().type())) {
      String symbol = peek().describe();
      Expr.Numeric leftOperand = numeric(left, from, symbol);
      Arithmetic.Operator operator = arithmeticOperator(next());
      int rightFrom = position;
      left = new Arithmetic(operator, leftOperand, numeric(operand.get(), rightFrom, symbol));
    }
    return left;
  }

  private static Arithmetic.Operator arithmeticOperator(Token token) {
    return switch (token.type()) {
      case PLUS -> Arithmetic.Operator.PLUS;
      case MINUS -> Arithmetic.Operator.MINUS;
      case TIMES -> Arithmetic.Operator.TIMES;
      case DIVIDE -> Arithmetic.Operator.DIVIDE;
      case FLOOR_DIVIDE -> Arithmetic.Operator.FLOOR_DIVIDE;
      case MODULO -> Arithmetic.Operator.MODULO;
      default -> throw new IllegalStateException("not an arithmetic operator: " + token);
    };
  }

  private Expr unary() {
    if (!peek().is(MINUS)) {
      return power();
    }
    Token minus = next();
    int from = position;
    return new Negation(numeric(unary(), from, minus.describe()));
  }

  /** {@code primary [** unary]}: binds tighter than a minus on its left, so -2 ** 2 == -4 as in Python. */
  private Expr power() {
    int from = position;
    Expr base = primary();
    if (!peek().is(POWER)) {
      return base;
    }
    String symbol = peek().describe();
    Expr.Numeric baseOperand = numeric(base, from, symbol);
    next();
    int exponentFrom = position;
    return new Arithmetic(Arithmetic.Operator.POWER, baseOperand, numeric(unary(), exponentFrom, symbol));
  }

  private Expr primary() {
    Token token = next();
    return switch (token.type()) {
      case NUMBER -> new NumberLiteral(number(token));
      case STRING -> new TextLiteral(token.content());
      case TRUE, FALSE -> new BooleanLiteral(token.is(TRUE));
      case QUOTED_NAME -> parameter(token, token.content());
      case NAME -> peek().is(LEFT_PAREN) ? call(token) : parameter(token, token.text());
      case LEFT_PAREN -> {
        Expr inner = or();
        close(token, RIGHT_PAREN, "");
        yield inner;
      }
      default -> throw expectedOperand(token);
    };
  }

  private Expr call(Token name) {
    MathFunction function = MathFunction.named(name.text()).orElseThrow(() -> unknownFunction(name));
    Token open = next();
    List<Expr.Numeric> arguments = new ArrayList<>();
    if (!accept(RIGHT_PAREN)) {
      do {
        int from = position;
        arguments.add(numeric(or(), from, name.text() + "()"));
      } while (accept(COMMA));
      close(open, RIGHT_PAREN, "',' or ");
    }
    if (!function.accepts(arguments.size())) {
      throw new ConstraintException(name.column(), name.text() + "() takes " + function.arity() + ", got "
          + arguments.size() + "; write " + function.usage());
    }
    return function.call(arguments);
  }

  private Expr parameter(Token token, String name) {
    if (!knownNames.contains(name)) {
      String hint = Suggestions.closest(name, knownNames).map(known -> "did you mean '" + known + "'?")
          .orElse("if it is a text value, quote it: '" + name + "'");
      String listed = knownNames.isEmpty() ? "no parameters are defined" : "names: " + Suggestions.list(knownNames);
      throw new ConstraintException(token.column(), "unknown name '" + name + "'; " + hint + " (" + listed + ")");
    }
    names.add(name);
    return new ParameterValue(name);
  }

  private double number(Token token) {
    double value = Double.parseDouble(token.text());
    if (Double.isInfinite(value)) {
      throw new ConstraintException(token.column(), "the number " + token.text()
          + " is too large; numbers must stay below about 1.8e308");
    }
    return value;
  }

  /** {@code e} where a condition is needed; a parameter becomes a Boolean one. */
  private Expr.Condition condition(Expr e, int from, String requirement) {
    if (e instanceof Expr.Condition condition) {
      return condition;
    }
    if (e instanceof ParameterValue parameter) {
      return new BooleanParameter(parameter.name());
    }
    String kind = e instanceof TextLiteral ? "a string" : "a number";
    throw new ConstraintException(tokens.get(from).column(), source(from) + " is " + kind + ", but " + requirement);
  }

  /** {@code e} where {@code user} (an operator or a function) needs a number; a parameter becomes a numeric one. */
  private Expr.Numeric numeric(Expr e, int from, String user) {
    if (e instanceof Expr.Numeric numeric) {
      return numeric;
    }
    if (e instanceof ParameterValue parameter) {
      return new NumericParameter(parameter.name());
    }
    String problem = e instanceof TextLiteral
        ? " is a string, but " + user + " needs numbers; strings can only be compared with ==, != and in"
        : " is a condition, but " + user + " needs numbers; combine conditions with and, or, not";
    throw new ConstraintException(tokens.get(from).column(), source(from) + problem);
  }

  /** The text of the tokens from index {@code from} up to the current position, quoted. */
  private String source(int from) {
    if (position - from == 1) {
      return tokens.get(from).describe();
    }
    Token last = tokens.get(position - 1);
    return "'" + text.substring(tokens.get(from).column() - 1, last.column() - 1 + last.text().length()) + "'";
  }

  /** Consumes the token that closes {@code open}; {@code alternatives} names what else could have come, if any. */
  private void close(Token open, Token.Type closer, String alternatives) {
    Token token = next();
    if (token.is(closer)) {
      return;
    }
    if (token.is(END)) {
      throw neverClosed(open);
    }
    String symbol = closer == RIGHT_PAREN ? "')'" : "']'";
    throw new ConstraintException(token.column(), "expected " + alternatives + symbol + " to close the "
        + open.describe() + " at column " + open.column() + ", found " + token.describe());
  }

  private static ConstraintException neverClosed(Token open) {
    String closer = open.is(LEFT_BRACKET) ? "']'" : "')'";
    return new ConstraintException(open.column(), open.describe() + " is never closed; add a " + closer);
  }

  private ConstraintException expectedOperand(Token found) {
    int index = tokens.indexOf(found);
    String where = index == 0 ? "at the start" : "after " + tokens.get(index - 1).describe();
    String problem = "expected a number, a name or '(' " + where;
    if (found.is(END)) {
      return new ConstraintException(found.column(), problem + ", but the constraint ends there");
    }
    String keywordHint = Character.isLetter(found.text().charAt(0))
        ? "; to use " + found.describe() + " as a parameter name, write it in backticks: `" + found.text() + "`"
        : "";
    return new ConstraintException(found.column(), problem + ", found " + found.describe() + keywordHint);
  }

  private ConstraintException unknownFunction(Token name) {
    String function = name.text();
    if (knownNames.contains(function)) {
      return new ConstraintException(name.column(), "'" + function + "' is a parameter, not a function; "
          + "write an operator between it and '(', e.g. " + function + " * (...)");
    }
    String functions = String.join(", ", MathFunction.names());
    String hint = Suggestions.closest(function, MathFunction.names())
        .map(known -> "did you mean '" + known + "'? (functions: " + functions + ")")
        .orElse("the functions are " + functions);
    return new ConstraintException(name.column(), "unknown function '" + function + "'; " + hint);
  }

  private ConstraintException trailing(Token token) {
    if (token.is(RIGHT_PAREN)) {
      return new ConstraintException(token.column(), "unexpected ')' without a matching '('; remove it or add a '('");
    }
    return new ConstraintException(token.column(), "unexpected " + token.describe()
        + " after a complete expression; join conditions with 'and' or 'or', or add an operator before it");
  }

  private Token peek() {
    return tokens.get(position);
  }

  /** The current token, moving past it unless it is the END, which stays current. */
  private Token next() {
    Token token = tokens.get(position);
    if (!token.is(END)) {
      position++;
    }
    return token;
  }

  private boolean accept(Token.Type type) {
    if (peek().is(type)) {
      next();
      return true;
    }
    return false;
  }
}
