package dev.asap.bench.report;

import java.util.List;

/** Renders report blocks as GitHub-flavoured Markdown; charts are left to the HTML report. */
public final class MarkdownRenderer {
  private MarkdownRenderer() {}

  public static String render(List<Block> blocks) {
    StringBuilder s = new StringBuilder();
    for (Block b : blocks) {
      if (b instanceof Block.Heading h) {
        s.append("#".repeat(h.level())).append(' ').append(h.text()).append("\n\n");
      } else if (b instanceof Block.Text t) {
        for (String line : t.lines()) {
          s.append(t.bullets() ? "- " : "").append(line).append('\n');
        }
        s.append('\n');
      } else if (b instanceof Block.Table t) {
        table(s, t);
      }
    }
    return s.toString();
  }

  private static void table(StringBuilder s, Block.Table t) {
    if (t.caption() != null) {
      s.append("**").append(t.caption()).append("**\n\n");
    }
    row(s, t.header());
    s.append('|');
    t.header().forEach(h -> s.append(" --- |"));
    s.append('\n');
    t.rows().forEach(r -> row(s, r));
    s.append('\n');
  }

  private static void row(StringBuilder s, List<String> cells) {
    s.append('|');
    for (String c : cells) {
      s.append(' ').append(c.replace("|", "\\|").replace("\n", " ")).append(" |");
    }
    s.append('\n');
  }
}
