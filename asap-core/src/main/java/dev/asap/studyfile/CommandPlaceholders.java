package dev.asap.studyfile;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the {@code {name}} placeholders of an objective command.
 *
 * <p>A placeholder is a brace pair around a name made of letters, digits, {@code _}, {@code .} and
 * {@code -} that starts with a letter or {@code _}. {@code {{} and {@code }}} stand for literal braces;
 * any other brace (e.g. {@code { print $1 }}) is literal text.
 */
public final class CommandPlaceholders {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z_][A-Za-z0-9_.\\-]*)}");

  private CommandPlaceholders() {}

  /** The placeholder names in order of appearance, repeats included. */
  public static List<String> names(String command) {
    List<String> out = new ArrayList<>();
    Matcher m = PLACEHOLDER.matcher(command);
    int i = 0;
    while (i < command.length()) {
      char c = command.charAt(i);
      boolean doubled = i + 1 < command.length() && command.charAt(i + 1) == c;
      if ((c == '{' || c == '}') && doubled) {
        i += 2;
      } else if (c == '{' && m.region(i, command.length()).lookingAt()) {
        out.add(m.group(1));
        i = m.end();
      } else {
        i++;
      }
    }
    return out;
  }
}
