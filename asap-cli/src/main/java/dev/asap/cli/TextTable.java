package dev.asap.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.function.IntPredicate;

/** Prints rows of text as fixed-width columns, each as wide as its widest cell, without trailing spaces. */
final class TextTable {
  private TextTable() {}

  /** @param rightAligned which columns (by index) are aligned right, as numbers are */
  static void print(PrintStream out, List<String[]> rows, IntPredicate rightAligned) {
    int columns = rows.stream().mapToInt(r -> r.length).max().orElse(0);
    int[] width = new int[columns];
    for (String[] r : rows) {
      for (int i = 0; i < r.length; i++) {
        width[i] = Math.max(width[i], r[i].length());
      }
    }
    for (String[] r : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < r.length; i++) {
        line.append(String.format((rightAligned.test(i) ? "%" : "%-") + Math.max(1, width[i]) + "s  ", r[i]));
      }
      out.println(line.toString().stripTrailing());
    }
  }
}
