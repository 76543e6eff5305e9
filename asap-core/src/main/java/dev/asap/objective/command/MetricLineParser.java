package dev.asap.objective.command;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.asap.objective.Evaluation;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Classifies stdout lines under the output protocol: a bare number or {@code {"value": v, ...}} is a metric,
 * {@code {"step": s, "value": v}} an intermediate value, {@code {"feasible": false, ...}} or
 * {@code {"value": null}} says the config is infeasible, and anything else is a log line.
 *
 * <p>NaN and infinities are recognised (Python prints {@code nan}, {@code inf}, and {@code json.dumps}
 * writes {@code NaN}, {@code Infinity}) so that a diverged run fails with "metric is NaN" instead of
 * "no metric".
 */
final class MetricLineParser {
  private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
  private static final Pattern NAN = Pattern.compile("[+-]?nan", Pattern.CASE_INSENSITIVE);
  private static final Pattern INFINITY = Pattern.compile("([+-]?)inf(inity)?", Pattern.CASE_INSENSITIVE);

  private static final JsonMapper JSON = JsonMapper.builder()
      .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
      // "{...} trailing words" is a log line, not a metric.
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .build();

  private static final java.util.Set<String> PROTOCOL_FIELDS = java.util.Set.of("value", "cost", "feasible");
  /** The trial attribute holding the objective's own extra fields. */
  static final String USER = "user";

  OutputLine parse(String line) {
    String text = line.strip();
    if (text.isEmpty()) {
      return OutputLine.Log.INSTANCE;
    }
    if (text.charAt(0) == '{') {
      return parseObject(text);
    }
    Double number = bareNumber(text);
    return number == null ? OutputLine.Log.INSTANCE : new OutputLine.Metric(number, null, Map.of());
  }

  /** {@code text} as a number when it is one and nothing else, else null. */
  static Double bareNumber(String text) {
    // A grammar of our own rather than Double.parseDouble alone, which also takes "1d", "0x1p3" or "NaN ".
    if (DECIMAL.matcher(text).matches()) {
      return Double.parseDouble(text);
    }
    if (NAN.matcher(text).matches()) {
      return Double.NaN;
    }
    var inf = INFINITY.matcher(text);
    if (inf.matches()) {
      return "-".equals(inf.group(1)) ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    }
    return null;
  }

  private static OutputLine parseObject(String text) {
    JsonNode node;
    try {
      node = JSON.readTree(text);
    } catch (JsonProcessingException e) {
      return OutputLine.Log.INSTANCE;
    }
    if (!node.isObject()) {
      return OutputLine.Log.INSTANCE;
    }
    JsonNode value = node.get("value");
    JsonNode feasible = node.get("feasible");
    if (!node.has("step") && feasible != null && feasible.isBoolean() && !feasible.booleanValue()) {
      JsonNode reason = node.get("reason");
      return new OutputLine.Infeasible(reason != null && reason.isTextual() && !reason.textValue().isBlank()
          ? reason.textValue() : "the objective reported \"feasible\": false", cost(node), attributes(node, "reason"));
    }
    if (!node.has("step") && value != null && value.isNull()) {
      return new OutputLine.Infeasible("the objective reported \"value\": null (no value for this config)",
          cost(node), attributes(node, null));
    }
    if (value == null || !value.isNumber()) {
      return OutputLine.Log.INSTANCE;
    }
    if (node.has("step")) {
      JsonNode step = node.get("step");
      // A malformed step line is still not a metric: it is left alone as logging.
      if (!isWholeNumber(step)) {
        return OutputLine.Log.INSTANCE;
      }
      return new OutputLine.Step(step.asLong(), value.doubleValue());
    }
    return new OutputLine.Metric(value.doubleValue(), cost(node), attributes(node, null));
  }

  private static JsonNode cost(JsonNode node) {
    JsonNode cost = node.get("cost");
    return cost == null || cost.isNull() ? null : cost;
  }

  private static boolean isWholeNumber(JsonNode n) {
    if (n == null || !n.isNumber() || !n.canConvertToLong()) {
      return false;
    }
    double d = n.doubleValue();
    return n.isIntegralNumber() || d == Math.rint(d);
  }

  /**
   * The trial attributes a result line gives: its number and string fields other than value, cost and the
   * infeasibility protocol's, with JSON's types mapped to Long/Double/String, in a map of their own under
   * {@link #USER} (so that a field named {@code optimizer} or {@code judge} cannot overwrite what ASAP records);
   * a numeric {@code violation} goes beside it, since the tools read it.
   */
  private static Map<String, Object> attributes(JsonNode node, String alsoProtocol) {
    Map<String, Object> out = new LinkedHashMap<>();
    Map<String, Object> user = userFields(node);
    if (alsoProtocol != null) {
      user.remove(alsoProtocol); // a field the line's kind already read (an infeasible line's reason)
    }
    if (user.get(Evaluation.VIOLATION) instanceof Number violation) {
      out.put(Evaluation.VIOLATION, violation);
      user.remove(Evaluation.VIOLATION);
    }
    if (!user.isEmpty()) {
      out.put(USER, user);
    }
    return out;
  }

  private static Map<String, Object> userFields(JsonNode node) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> field : node.properties()) {
      String name = field.getKey();
      JsonNode v = field.getValue();
      if (PROTOCOL_FIELDS.contains(name)) {
        continue;
      }
      if (v.isTextual()) {
        out.put(name, v.textValue());
      } else if (v.isIntegralNumber() && v.canConvertToLong()) {
        out.put(name, v.longValue());
      } else if (v.isNumber()) {
        double d = v.doubleValue();
        // Trial attributes must stay JSON-compatible, which NaN and infinities are not; keep them as text.
        out.put(name, Double.isFinite(d) ? (Object) d : Double.toString(d));
      }
    }
    return out;
  }
}
