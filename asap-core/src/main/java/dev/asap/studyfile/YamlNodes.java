package dev.asap.studyfile;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/** SnakeYAML node-tree helpers for one file: parsing, plain Java values, and errors that carry a position. */
final class YamlNodes {
  private final Path file;

  YamlNodes(Path file) {
    this.file = file;
  }

  /** The document's root node, or null for an empty document. */
  Node compose(String text) {
    try {
      return new Yaml(new LoaderOptions()).compose(new StringReader(text));
    } catch (MarkedYAMLException e) {
      Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      String context = e.getContext() == null ? "" : " (" + e.getContext() + ")";
      String what = "YAML syntax error: " + e.getProblem() + context
          + "; check the indentation, colons and quotes here and on the line before";
      if (mark == null) {
        throw new StudyFileException(file, 1, 1, what);
      }
      throw error(mark, what);
    } catch (YAMLException e) {
      throw new StudyFileException(file, 1, 1, "YAML syntax error: " + e.getMessage());
    }
  }

  StudyFileException error(Node at, String message) {
    return error(at.getStartMark(), message);
  }

  StudyFileException error(Mark mark, String message) {
    return new StudyFileException(file, mark.getLine() + 1, mark.getColumn() + 1, message);
  }

  /** A mapping's entries by key, in file order; a repeated or non-scalar key is an error. */
  Map<String, NodeTuple> entries(MappingNode mapping) {
    Map<String, NodeTuple> out = new LinkedHashMap<>();
    for (NodeTuple t : mapping.getValue()) {
      Node key = t.getKeyNode();
      if (!(key instanceof ScalarNode s)) {
        throw error(key, "a key must be a plain name, got " + describe(key) + "; write name: value");
      }
      NodeTuple first = out.putIfAbsent(s.getValue(), t);
      if (first != null) {
        throw error(key, "key '" + s.getValue() + "' appears twice (first on line "
            + (first.getKeyNode().getStartMark().getLine() + 1) + "); keep only one of them");
      }
    }
    return out;
  }

  /** The node as plain Java: maps, lists, String, Long, Double, Boolean or null. */
  Object value(Node node) {
    if (node instanceof MappingNode m) {
      Map<String, Object> out = new LinkedHashMap<>();
      entries(m).forEach((k, t) -> out.put(k, value(t.getValueNode())));
      return out;
    }
    if (node instanceof SequenceNode s) {
      List<Object> out = new ArrayList<>();
      s.getValue().forEach(item -> out.add(value(item)));
      return out;
    }
    return scalar((ScalarNode) node);
  }

  static boolean isNull(Node node) {
    return node instanceof ScalarNode s && Tag.NULL.equals(s.getTag());
  }

  static String describe(Node node) {
    if (node instanceof MappingNode) {
      return "a map";
    }
    if (node instanceof SequenceNode) {
      return "a list";
    }
    return isNull(node) ? "nothing" : "'" + ((ScalarNode) node).getValue() + "'";
  }

  /** Follows the tags SnakeYAML's resolver gave plain scalars; quoted scalars stay strings. */
  private static Object scalar(ScalarNode s) {
    String v = s.getValue();
    Tag tag = s.getTag();
    if (Tag.NULL.equals(tag)) {
      return null;
    }
    if (Tag.BOOL.equals(tag)) {
      return List.of("true", "yes", "on", "y").contains(v.toLowerCase(Locale.ROOT));
    }
    if (Tag.INT.equals(tag) || Tag.FLOAT.equals(tag)) {
      Object n = number(v.replace("_", ""));
      return n == null ? v : n;
    }
    return v;
  }

  private static Object number(String v) {
    try {
      if (v.matches("[-+]?\\d+")) {
        return Long.parseLong(v);
      }
      if (v.matches("[-+]?0x[0-9a-fA-F]+")) {
        return Long.parseLong(v.replace("0x", ""), 16);
      }
      String lower = v.toLowerCase(Locale.ROOT);
      if (lower.endsWith(".inf")) {
        return lower.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
      }
      if (lower.equals(".nan")) {
        return Double.NaN;
      }
      return Double.parseDouble(v);
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
