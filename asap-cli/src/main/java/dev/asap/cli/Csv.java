package dev.asap.cli;

import java.util.List;
import java.util.stream.Collectors;

/** RFC 4180 rows: fields with commas, quotes or line breaks are quoted. */
final class Csv {
  private Csv() {}

  static String row(List<String> fields) {
    return fields.stream().map(Csv::field).collect(Collectors.joining(",")) + "\r\n";
  }

  static String field(String s) {
    if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
      return "\"" + s.replace("\"", "\"\"") + "\"";
    }
    return s;
  }
}
