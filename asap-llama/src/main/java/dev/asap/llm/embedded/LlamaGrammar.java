package dev.asap.llm.embedded;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns the JSON schemas that selection prompts use into a llama.cpp GBNF grammar, so that every sampled
 * token keeps the answer inside the schema.
 *
 * <p>Written here rather than taken from the library because de.kherud:llama 4.2.0's
 * {@code LlamaModel.jsonSchemaToGrammar} lets llama.cpp's C++ exceptions escape the JNI call: a schema it
 * cannot convert (or text that is not JSON) aborts the whole JVM instead of throwing.
 *
 * <p>Supported: objects with {@code properties} (every declared property is emitted, in declared order, which
 * satisfies {@code required} and any {@code additionalProperties}), strings with {@code enum}, {@code const},
 * {@code minLength}, {@code maxLength}, integers (unbounded, {@code minimum: 0}, or a range of at most
 * {@value #MAX_INTEGER_RANGE} values), numbers, booleans, null, and {@code enum}/{@code const} of any JSON
 * values. Anything else fails with IllegalArgumentException naming the keyword, rather than being ignored.
 */
public final class LlamaGrammar {
  static final int MAX_INTEGER_RANGE = 256;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> ANNOTATIONS = Set.of("title", "description", "$schema", "$id", "$comment",
      "examples", "default");
  private static final String SPACE = "space ::= \" \"?";
  private static final String CHAR =
      "char ::= [^\"\\\\\\x7F\\x00-\\x1F] | \"\\\\\" ([\"\\\\/bfnrt] | \"u\" [0-9a-fA-F]{4})";
  private static final String DIGITS = "([0-9] | [1-9] [0-9]{0,15})";

  private final Map<String, String> rules = new LinkedHashMap<>();
  private boolean usesChar;

  private LlamaGrammar() {}

  /** The GBNF grammar (root rule {@code root}) whose sentences are the JSON texts valid under {@code schema}. */
  public static String fromJsonSchema(String schema) {
    JsonNode root;
    try {
      root = JSON.readTree(schema);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("the JSON schema is not valid JSON: " + e.getOriginalMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException("a JSON schema must be a JSON object");
    }
    LlamaGrammar grammar = new LlamaGrammar();
    grammar.rules.put("root", grammar.value(root, "root"));
    StringBuilder out = new StringBuilder();
    grammar.rules.forEach((name, body) -> out.append(name).append(" ::= ").append(body).append('\n'));
    out.append(SPACE).append('\n');
    if (grammar.usesChar) {
      out.append(CHAR).append('\n');
    }
    return out.toString();
  }

  /** The grammar expression for one value of {@code schema}; {@code path} names the rules it needs. */
  private String value(JsonNode schema, String path) {
    if (!schema.isObject()) {
      throw unsupported(path, "a schema that is not an object");
    }
    if (schema.has("const")) {
      allowOnly(schema, path, Set.of("const", "type"));
      return literal(schema.get("const")) + " space";
    }
    if (schema.has("enum")) {
      allowOnly(schema, path, Set.of("enum", "type"));
      return alternatives(schema.get("enum"), path);
    }
    JsonNode type = schema.get("type");
    if (type == null || !type.isTextual()) {
      throw unsupported(path, "a schema without a single \"type\"");
    }
    return switch (type.asText()) {
      case "object" -> object(schema, path);
      case "string" -> string(schema, path);
      case "integer" -> integer(schema, path);
      case "number" -> scalar(schema, path, "\"-\"? " + DIGITS + " (\".\" [0-9]{1,16})? ([eE] [-+]? [0-9]{1,3})?");
      case "boolean" -> scalar(schema, path, "(\"true\" | \"false\")");
      case "null" -> scalar(schema, path, "\"null\"");
      default -> throw unsupported(path, "type \"" + type.asText() + "\"");
    };
  }

  private static String scalar(JsonNode schema, String path, String expression) {
    allowOnly(schema, path, Set.of("type"));
    return expression + " space";
  }

  private String object(JsonNode schema, String path) {
    allowOnly(schema, path, Set.of("type", "properties", "required", "additionalProperties"));
    JsonNode properties = schema.path("properties");
    if (!properties.isMissingNode() && !properties.isObject()) {
      throw unsupported(path, "\"properties\" that is not an object");
    }
    for (JsonNode name : schema.path("required")) {
      if (!properties.has(name.asText())) {
        throw new IllegalArgumentException(path + ": required property \"" + name.asText() + "\" is not declared");
      }
    }
    List<String> members = new ArrayList<>();
    for (Map.Entry<String, JsonNode> field : properties.properties()) {
      String rule = ruleName(path + "-" + field.getKey());
      rules.put(rule, value(field.getValue(), rule));
      members.add(literal(JSON.getNodeFactory().textNode(field.getKey())) + " space \":\" space " + rule);
    }
    return "\"{\" space " + (members.isEmpty() ? "" : String.join(" \",\" space ", members) + " ") + "\"}\" space";
  }

  private String string(JsonNode schema, String path) {
    allowOnly(schema, path, Set.of("type", "minLength", "maxLength"));
    int min = schema.path("minLength").asInt(0);
    JsonNode max = schema.get("maxLength");
    if (min < 0 || (max != null && max.asInt() < min)) {
      throw new IllegalArgumentException(path + ": empty length range");
    }
    usesChar = true;
    String repeat;
    if (max != null) {
      repeat = "char{" + min + "," + max.asInt() + "}";
    } else {
      repeat = min == 0 ? "char*" : "char{" + min + ",}";
    }
    return "\"\\\"\" " + repeat + " \"\\\"\" space";
  }

  private String integer(JsonNode schema, String path) {
    allowOnly(schema, path, Set.of("type", "minimum", "maximum"));
    JsonNode min = schema.get("minimum");
    JsonNode max = schema.get("maximum");
    if (min == null && max == null) {
      return "\"-\"? " + DIGITS + " space";
    }
    if (min != null && max == null && min.canConvertToLong() && min.asLong() == 0) {
      return DIGITS + " space";
    }
    if (min == null || max == null || !min.canConvertToLong() || !max.canConvertToLong()
        || max.asLong() < min.asLong() || max.asLong() - min.asLong() >= MAX_INTEGER_RANGE) {
      throw unsupported(path, "an integer range other than none, minimum 0, or both bounds at most "
          + MAX_INTEGER_RANGE + " values apart");
    }
    List<String> values = new ArrayList<>();
    for (long v = min.asLong(); v <= max.asLong(); v++) {
      values.add("\"" + v + "\"");
    }
    return "(" + String.join(" | ", values) + ") space";
  }

  private String alternatives(JsonNode values, String path) {
    if (!values.isArray() || values.isEmpty()) {
      throw new IllegalArgumentException(path + ": \"enum\" must be a non-empty array");
    }
    List<String> literals = new ArrayList<>();
    values.forEach(v -> literals.add(literal(v)));
    return "(" + String.join(" | ", literals) + ") space";
  }

  /** A GBNF string literal matching exactly the compact JSON text of {@code value}. */
  private static String literal(JsonNode value) {
    String text = value.toString();
    StringBuilder out = new StringBuilder("\"");
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> out.append(c);
      }
    }
    return out.append('"').toString();
  }

  private String ruleName(String path) {
    String base = path.replaceAll("[^A-Za-z0-9-]", "-");
    String name = base;
    for (int i = 2; rules.containsKey(name) || name.equals("space") || name.equals("char"); i++) {
      name = base + "-" + i;
    }
    rules.put(name, "");
    return name;
  }

  private static void allowOnly(JsonNode schema, String path, Set<String> keywords) {
    schema.fieldNames().forEachRemaining(k -> {
      if (!keywords.contains(k) && !ANNOTATIONS.contains(k)) {
        throw unsupported(path, "keyword \"" + k + "\" here");
      }
    });
  }

  private static IllegalArgumentException unsupported(String path, String what) {
    return new IllegalArgumentException(path + ": the embedded engine's grammar does not support " + what);
  }
}
