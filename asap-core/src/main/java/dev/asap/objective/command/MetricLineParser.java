package dev.asap.objective.command;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Classifies stdout lines under the output protocol: a bare number or {@code {"value": v, ...}} is a metric,
 * {@code {"step": s, "value": v}} an intermediate value, and anything else a log line.
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
    JsonNode value = node.get("value");
    if (!node.isObject() || value == null || !value.isNumber()) {
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
    JsonNode cost = node.get("cost");
    return new OutputLine.Metric(value.doubleValue(), cost == null || cost.isNull() ? null : cost,
        attributes(node));
  }

  private static boolean isWholeNumber(JsonNode n) {
    if (n == null || !n.isNumber() || !n.canConvertToLong()) {
      return false;
    }
    double d = n.doubleValue();
    return n.isIntegralNumber() || d == Math.rint(d);
  }

  /** Number and string fields other than value and cost, with JSON's types mapped to Long/Double/String. */
  private static Map<String, Object> attributes(JsonNode node) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> field : node.properties()) {
      String name = field.getKey();
      JsonNode v = field.getValue();
      if (name.equals("value") || name.equals("cost")) {
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
