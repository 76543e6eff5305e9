package dev.asap.objective.command;

import dev.asap.space.Config;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed command template: literal text with <code>{name}</code> placeholders, where a name starts with a
 * letter or {@code _} and goes on with letters, digits, {@code _}, {@code .} and {@code -}.
 * <code>{{</code> and <code>}}</code> stand for single literal braces; any other brace is literal text, so
 * shell groups and awk programs such as <code>awk '{ print $1 }'</code> need no escaping.
 *
 * <p>Whatever quotes the user wrote around a placeholder, the program receives exactly the parameter's value
 * and no character of it can act as shell syntax: outside quotes the value becomes one single-quoted word,
 * inside single quotes each {@code '} is written as {@code '\''}, inside double quotes {@code \ " $ `} are
 * escaped. Where no quoting can do that (a comment, backquotes, {@code $(( ))}, {@code ${ }}, a here-document,
 * after a backslash), parsing fails and says where.
 */
final class CommandTemplate {
  /** A piece of the template: literal text, or the name of a parameter whose value goes there, quoted so. */
  private record Segment(String text, boolean placeholder, ShellContext.Quoting quoting) {}

  /** A placeholder: a name made of letters, digits, _, . and -, starting with a letter or _. */
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z_][A-Za-z0-9_.\\-]*)}");

  private final String source;
  private final List<Segment> segments;
  private final Set<String> placeholders;

  private CommandTemplate(String source, List<Segment> segments) {
    this.source = source;
    this.segments = List.copyOf(segments);
    Set<String> names = new LinkedHashSet<>();
    for (Segment s : segments) {
      if (s.placeholder()) {
        names.add(s.text());
      }
    }
    this.placeholders = Collections.unmodifiableSet(names);
  }

  /**
   * Parses {@code template}.
   *
   * @throws IllegalArgumentException when the template is empty, leaves a quote open, or has a placeholder
   *     where its value could not be handed over as exactly that value
   */
  static CommandTemplate parse(String template) {
    if (template == null || template.isBlank()) {
      throw new IllegalArgumentException("the command is empty; give the command line to run");
    }
    List<Segment> segments = new ArrayList<>();
    StringBuilder literal = new StringBuilder();
    Matcher placeholder = PLACEHOLDER.matcher(template);
    ShellContext shell = new ShellContext();
    int i = 0;
    while (i < template.length()) {
      char c = template.charAt(i);
      boolean doubled = i + 1 < template.length() && template.charAt(i + 1) == c;
      if ((c == '{' || c == '}') && doubled) {
        literal.append(c);
        shell.accept(c, charAt(template, i + 2), charAt(template, i + 3), i + 1);
        i += 2;
      } else if (c == '{' && placeholder.region(i, template.length()).lookingAt()) {
        if (literal.length() > 0) {
          segments.add(new Segment(literal.toString(), false, null));
          literal.setLength(0);
        }
        String name = placeholder.group(1);
        segments.add(new Segment(name, true, shell.placeholderQuoting(name, i + 1)));
        i = placeholder.end();
      } else {
        literal.append(c);
        shell.accept(c, charAt(template, i + 1), charAt(template, i + 2), i + 1);
        i++;
      }
    }
    if (literal.length() > 0) {
      segments.add(new Segment(literal.toString(), false, null));
    }
    shell.requireClosed();
    return new CommandTemplate(template, segments);
  }

  /** Parameter names used by the template, in order of first appearance. */
  Set<String> placeholders() {
    return placeholders;
  }

  /**
   * The command line for {@code config}: every placeholder replaced by its parameter's value, quoted for where
   * it stands, or by the empty string when the parameter is not active in this config.
   */
  String render(Config config) {
    StringBuilder out = new StringBuilder(source.length() + 16 * placeholders.size());
    for (Segment s : segments) {
      if (!s.placeholder()) {
        out.append(s.text());
        continue;
      }
      String value = config.has(s.text()) ? ShellWords.plain(config.get(s.text())) : "";
      if (value.indexOf('\0') >= 0) {
        throw new IllegalArgumentException("the value of " + s.text() + " contains a NUL character, which no"
            + " program argument can hold");
      }
      out.append(switch (s.quoting()) {
        case UNQUOTED -> ShellWords.quote(value);
        case SINGLE -> ShellWords.inSingleQuotes(value);
        case DOUBLE -> ShellWords.inDoubleQuotes(value);
      });
    }
    return out.toString();
  }

  private static char charAt(String text, int i) {
    return i < text.length() ? text.charAt(i) : '\0';
  }

  @Override
  public String toString() {
    return source;
  }
}
