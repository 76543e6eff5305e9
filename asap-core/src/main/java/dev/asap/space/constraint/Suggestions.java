package dev.asap.space.constraint;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** "Did you mean" for misspelt names, and name lists for error messages. */
final class Suggestions {
  private static final int LISTED = 20;

  private Suggestions() {}

  /** The candidate closest to {@code word} when it is close enough to be a likely typo (ignoring case). */
  static Optional<String> closest(String word, Collection<String> candidates) {
    int allowed = Math.min(word.length() - 1, Math.max(1, word.length() / 3));
    String best = null;
    int bestDistance = allowed + 1;
    for (String candidate : candidates) {
      int distance = distance(word.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT));
      if (distance < bestDistance) {
        best = candidate;
        bestDistance = distance;
      }
    }
    return Optional.ofNullable(best);
  }

  /** The names in their order, cut after the first twenty. */
  static String list(Collection<String> names) {
    String listed = names.stream().limit(LISTED).collect(Collectors.joining(", "));
    return names.size() > LISTED ? listed + ", ... (" + (names.size() - LISTED) + " more)" : listed;
  }

  /** Edit distance counting insertions, deletions, substitutions and swaps of neighbours. */
  private static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int substitution = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + substitution);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
