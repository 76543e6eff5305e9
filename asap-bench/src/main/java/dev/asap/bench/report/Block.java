package dev.asap.bench.report;

import java.util.List;

/** A piece of a report, rendered as Markdown or HTML; charts appear in HTML only. */
public sealed interface Block permits Block.Heading, Block.Text, Block.Table, Block.Charts {

  /** A section title; level 1 is the document title. */
  record Heading(int level, String text) implements Block {}

  /** A paragraph or, when {@code bullets}, a list of items. */
  record Text(List<String> lines, boolean bullets) implements Block {
    public Text {
      lines = List.copyOf(lines);
    }

    public static Text of(String line) {
      return new Text(List.of(line), false);
    }

    public static Text bullets(List<String> items) {
      return new Text(items, true);
    }
  }

  /** A table with an optional caption. */
  record Table(String caption, List<String> header, List<List<String>> rows) implements Block {
    public Table {
      header = List.copyOf(header);
      rows = rows.stream().map(List::copyOf).toList();
    }
  }

  /** Line charts side by side, for the HTML report. */
  record Charts(List<LineChart> charts, boolean collapsed, String summary) implements Block {
    public Charts {
      charts = List.copyOf(charts);
    }
  }
}
