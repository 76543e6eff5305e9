package dev.asap.optimizer.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Compact, locale-independent text for numbers, values and configs in prompts and rejection reasons. */
final class PromptText {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final MathContext SIX_DIGITS = new MathContext(6);

  private PromptText() {}

  /** Six significant digits without trailing zeros; plain notation unless the number is tiny or huge. */
  static String number(double v) {
    if (!Double.isFinite(v)) {
      return String.valueOf(v);
    }
    if (v == 0) {
      return "0";
    }
    BigDecimal d = new BigDecimal(v).round(SIX_DIGITS).stripTrailingZeros();
    int exponent = d.precision() - d.scale() - 1;
    return exponent >= -6 && exponent < 15 ? d.toPlainString() : d.toString();
  }

  /** A value as it appears in a config line: numbers compact, everything else as written. */
  static String value(Object v) {
    return v instanceof Double d ? number(d) : String.valueOf(v);
  }

  /** {@code name=value} pairs in the config's order, e.g. {@code lr=0.001 opt=sgd}. */
  static String config(Map<String, Object> values) {
    List<String> parts = new ArrayList<>(values.size());
    values.forEach((k, v) -> parts.add(k + "=" + value(v)));
    return String.join(" ", parts);
  }

  /** Choices as a JSON array, so that strings are quoted the way the answer must quote them. */
  static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One line of at most 200 characters, for quoting an answer back. */
  static String clip(String s) {
    String oneLine = s.replace('\n', ' ').replace('\r', ' ').strip();
    return oneLine.length() <= 200 ? oneLine : oneLine.substring(0, 200) + "...";
  }
}
