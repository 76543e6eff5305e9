package dev.asap.space.constraint;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A declared constraint on configurations, such as {@code tp * pp <= 64}, parsed once and then tested against many
 * configs.
 *
 * <h2>Grammar</h2>
 * Python-like; from the loosest to the tightest binding:
 * <pre>
 * constraint = or
 * or         = and { ("or" | "||") and }
 * and        = not { ("and" | "&amp;&amp;") not }
 * not        = ("not" | "!") not | comparison
 * comparison = sum { ("&lt;" | "&lt;=" | "&gt;" | "&gt;=" | "==" | "!=") sum }
 *            | sum ["not"] "in" list
 * list       = "[" value { "," value } [","] "]"  |  "(" value { "," value } [","] ")"
 * value      = ["-"] number | string | "true" | "false"
 * sum        = term { ("+" | "-") term }
 * term       = unary { ("*" | "/" | "//" | "%") unary }
 * unary      = "-" unary | power
 * power      = primary [ "**" unary ]
 * primary    = number | string | "true" | "false" | name | function "(" or { "," or } ")" | "(" or ")"
 * </pre>
 * <ul>
 *   <li><b>Literals:</b> numbers ({@code 123}, {@code 1.5}, {@code 1e-3}, {@code .5}); strings in single or
 *       double quotes, without escapes (use the other quote to include one); {@code true}/{@code false} (also
 *       {@code True}/{@code False}).
 *   <li><b>Names</b> match {@code [A-Za-z_][A-Za-z0-9_.]*}; any other name, or a keyword ({@code and or not in true
 *       false}), is written in backticks: {@code `my-param`}. Every name must be a known parameter.
 *   <li><b>Arithmetic</b> is on doubles: {@code //} rounds the quotient down and {@code %} takes the sign of the
 *       divisor, as in Python ({@code -7 // 2 == -4}, {@code -7 % 3 == 2}); {@code **} is right-associative and
 *       binds tighter than a minus on its left ({@code -2 ** 2 == -4}).
 *   <li><b>Functions:</b> {@code min(a, b, ...)}, {@code max(a, b, ...)}, {@code abs}, {@code floor}, {@code ceil},
 *       {@code log} (natural), {@code log2} and {@code sqrt} of one argument.
 *   <li><b>Comparisons</b> chain as in Python: {@code a < b <= c} means {@code a < b and b <= c}. Numbers compare as
 *       doubles, so a Long 4 equals a Double 4.0. Strings and booleans compare only with {@code ==}, {@code !=} and
 *       {@code in}; values of different types are unequal. {@code not} binds looser than comparisons:
 *       {@code not a == b} is {@code not (a == b)}.
 *   <li><b>Conditions:</b> the whole constraint must be a comparison, a membership test, a boolean parameter or
 *       literal, or such conditions combined with {@code and}, {@code or}, {@code not}.
 * </ul>
 *
 * <h2>Evaluation</h2>
 * A constraint that reads a parameter absent from the config (an inactive conditional parameter) does not apply
 * and holds. Type errors the text reveals ({@code 'a' * 2}) are {@link ConstraintException}s at parse time. Errors
 * only visible in a config (a String parameter in arithmetic, a non-Boolean parameter used as a condition, a
 * division or modulo by zero, a result that is not a finite number such as {@code log(0)}) make the constraint
 * fail: {@link #test} is false and {@link #violation} is 1. As in Python, {@code and} and {@code or} stop at the
 * first part that decides, so an error in a part that is never reached is no error. Neither method throws.
 *
 * <p>Instances are immutable and safe to share between threads.
 */
public final class Constraint {
  private final String text;
  private final Set<String> names;
  private final String[] nameArray; // read on every test(): the cheapest to loop over
  private final Expr.Condition root;

  private Constraint(String text, Set<String> names, Expr.Condition root) {
    this.text = text;
    this.names = Collections.unmodifiableSet(names);
    this.nameArray = names.toArray(String[]::new);
    this.root = root;
  }

  /**
   * Parses {@code text}; every name it reads must be in {@code knownNames}.
   *
   * @throws ConstraintException when the text is not a valid constraint; the message says where and why
   */
  public static Constraint parse(String text, Set<String> knownNames) {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(knownNames, "knownNames");
    Parser.Result parsed = Parser.parse(text, knownNames);
    return new Constraint(text, parsed.names(), parsed.root());
  }

  /** The source text as given. */
  public String text() {
    return text;
  }

  /** The parameter names the constraint reads, in order of first appearance. */
  public Set<String> names() {
    return names;
  }

  /** True when the config satisfies the constraint, or when it lacks a parameter the constraint reads. */
  public boolean test(Map<String, ?> values) {
    if (!appliesTo(values)) {
      return true;
    }
    try {
      return root.holds(values);
    } catch (EvaluationFailure failure) {
      return false;
    }
  }

  /**
   * How far the config is from satisfying the constraint: 0 exactly when {@link #test} is true, positive otherwise.
   * For {@code a <= b} and {@code a < b} it is {@code a - b} when positive (a tiny positive amount for a tie under
   * {@code <}), mirrored for {@code >=} and {@code >}; {@code |a - b|} for {@code ==} on numbers; 1 for a violated
   * {@code ==} on other values, {@code !=}, {@code in}, {@code not in}, {@code not}, a false boolean, and an
   * evaluation error. {@code and} (and a chained comparison) sums its parts' violations, {@code or} takes the least.
   */
  public double violation(Map<String, ?> values) {
    if (!appliesTo(values)) {
      return 0;
    }
    try {
      return root.violation(values);
    } catch (EvaluationFailure failure) {
      return 1;
    }
  }

  /** A constraint applies when every parameter it reads is present (active) in the config. */
  private boolean appliesTo(Map<String, ?> values) {
    for (String name : nameArray) {
      if (values.get(name) == null) {
        return false;
      }
    }
    return true;
  }

  @Override
  public String toString() {
    return text;
  }
}
