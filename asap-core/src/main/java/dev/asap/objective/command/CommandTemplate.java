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
 * shell groups and awk programs such as <code>awk '{ print $1 }'</code> need no escaping. Rendering puts each
 * parameter's value in as a single shell word.
 */
final class CommandTemplate {
  /** A piece of the template: literal text, or the name of a parameter whose value goes there. */
  private record Segment(String text, boolean placeholder) {}

  /** Placeholder names as the study-file loader reads them (dev.asap.studyfile.CommandPlaceholders). */
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

  /** Parses {@code template}; only an empty template is rejected, since any other brace is literal text. */
  static CommandTemplate parse(String template) {
    if (template == null || template.isBlank()) {
      throw new IllegalArgumentException("the command is empty; give the command line to run");
    }
    List<Segment> segments = new ArrayList<>();
    StringBuilder literal = new StringBuilder();
    Matcher placeholder = PLACEHOLDER.matcher(template);
    int i = 0;
    while (i < template.length()) {
      char c = template.charAt(i);
      boolean doubled = i + 1 < template.length() && template.charAt(i + 1) == c;
      if ((c == '{' || c == '}') && doubled) {
        literal.append(c);
        i += 2;
      } else if (c == '{' && placeholder.region(i, template.length()).lookingAt()) {
        if (literal.length() > 0) {
          segments.add(new Segment(literal.toString(), false));
          literal.setLength(0);
        }
        segments.add(new Segment(placeholder.group(1), true));
        i = placeholder.end();
      } else {
        literal.append(c);
        i++;
      }
    }
    if (literal.length() > 0) {
      segments.add(new Segment(literal.toString(), false));
    }
    return new CommandTemplate(template, segments);
  }

  /** Parameter names used by the template, in order of first appearance. */
  Set<String> placeholders() {
    return placeholders;
  }

  /**
   * The command line for {@code config}: every placeholder replaced by its parameter's value as one shell
   * word, or by {@code ''} when the parameter is not active in this config.
   */
  String render(Config config) {
    StringBuilder out = new StringBuilder(source.length() + 16 * placeholders.size());
    for (Segment s : segments) {
      if (!s.placeholder()) {
        out.append(s.text());
      } else if (config.has(s.text())) {
        out.append(ShellWords.quote(ShellWords.plain(config.get(s.text()))));
      } else {
        out.append("''");
      }
    }
    return out.toString();
  }

  @Override
  public String toString() {
    return source;
  }
}
