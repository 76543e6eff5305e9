package dev.asap.bench.report;

import java.util.List;

/** Renders report blocks as one self-contained HTML page with inline SVG charts (no scripts, no external files). */
public final class HtmlRenderer {
  private static final String STYLE = "body{font-family:sans-serif;max-width:1150px;margin:1.5em auto;padding:0 1em;"
      + "color:#222}table{border-collapse:collapse;margin:.5em 0 1.2em}th,td{border:1px solid #ccc;padding:3px 8px;"
      + "font-size:13px;text-align:left}th{background:#f3f3f3}caption{text-align:left;font-weight:bold;"
      + "padding:4px 0}.charts{display:flex;flex-wrap:wrap;gap:8px}details{margin:.3em 0}summary{cursor:pointer}";

  private HtmlRenderer() {}

  public static String render(List<Block> blocks) {
    StringBuilder s = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">");
    String title = blocks.stream().filter(b -> b instanceof Block.Heading h && h.level() == 1)
        .map(b -> ((Block.Heading) b).text()).findFirst().orElse("ASAP benchmark");
    s.append("<title>").append(esc(title)).append("</title><style>").append(STYLE).append("</style></head><body>\n");
    for (Block b : blocks) {
      if (b instanceof Block.Heading h) {
        s.append("<h").append(h.level()).append('>').append(inline(h.text())).append("</h").append(h.level())
            .append(">\n");
      } else if (b instanceof Block.Text t) {
        text(s, t);
      } else if (b instanceof Block.Table t) {
        table(s, t);
      } else if (b instanceof Block.Charts c) {
        charts(s, c);
      }
    }
    return s.append("</body></html>\n").toString();
  }

  private static void text(StringBuilder s, Block.Text t) {
    if (t.bullets()) {
      s.append("<ul>");
      t.lines().forEach(l -> s.append("<li>").append(inline(l)).append("</li>"));
      s.append("</ul>\n");
    } else {
      t.lines().forEach(l -> s.append("<p>").append(inline(l)).append("</p>\n"));
    }
  }

  private static void table(StringBuilder s, Block.Table t) {
    s.append("<table>");
    if (t.caption() != null) {
      s.append("<caption>").append(inline(t.caption())).append("</caption>");
    }
    s.append("<tr>");
    t.header().forEach(h -> s.append("<th>").append(esc(h)).append("</th>"));
    s.append("</tr>");
    for (List<String> r : t.rows()) {
      s.append("<tr>");
      r.forEach(c -> s.append("<td>").append(esc(c)).append("</td>"));
      s.append("</tr>");
    }
    s.append("</table>\n");
  }

  private static void charts(StringBuilder s, Block.Charts c) {
    if (c.collapsed()) {
      s.append("<details><summary>").append(esc(c.summary())).append("</summary>");
    }
    s.append("<div class=\"charts\">");
    c.charts().forEach(ch -> s.append(SvgChart.render(ch)));
    s.append("</div>");
    if (c.collapsed()) {
      s.append("</details>");
    }
    s.append('\n');
  }

  /** Escapes text and turns Markdown's **bold** into HTML. */
  private static String inline(String text) {
    return esc(text).replaceAll("\\*\\*(.+?)\\*\\*", "<b>$1</b>");
  }

  private static String esc(String text) {
    return SvgChart.esc(text);
  }
}
