package dev.asap.space.format;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.asap.space.CategoricalParameter;
import dev.asap.space.Condition;
import dev.asap.space.FloatParameter;
import dev.asap.space.IntParameter;
import dev.asap.space.InvalidSpaceException;
import dev.asap.space.OrdinalParameter;
import dev.asap.space.Parameter;
import dev.asap.space.SearchSpace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads search spaces saved by ConfigSpace's JSON writer (e.g. the {@code config_space.json} files of YAHPO
 * benchmarks).
 *
 * <p>Supported hyperparameters: {@code uniform_float}, {@code uniform_int} ({@code lower}, {@code upper},
 * {@code log}; {@code q} becomes a float's step), {@code categorical}, {@code ordinal}, {@code constant} (a
 * categorical with one choice), and {@code normal_*}/{@code beta_*} when they carry bounds (searched
 * uniformly between them; the prior is dropped). Conditions {@code EQ}, {@code NEQ} (over a parent with
 * finitely many values), {@code IN}, {@code AND} and {@code OR}; several conditions on one child must all
 * hold. Condition values are matched to the parent's own values, so {@code "16"} finds the choice
 * {@code "16"} or {@code 16}. Forbidden clauses are rejected. Defaults, weights and other metadata are
 * ignored.
 */
public final class ConfigSpaceJson {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long MAX_NEQ_VALUES = 10_000;

  private final String origin;
  private final Map<String, Parameter> parameters = new LinkedHashMap<>();

  private ConfigSpaceJson(String origin) {
    this.origin = origin;
  }

  /** Reads a ConfigSpace JSON file; errors name the file. */
  public static SearchSpace read(Path file) {
    String json;
    try {
      json = Files.readString(file);
    } catch (IOException e) {
      throw new InvalidSpaceException(file + ": cannot read the ConfigSpace file (" + e + "); check the path");
    }
    return parse(json, file.toString());
  }

  /**
   * Parses ConfigSpace JSON text.
   *
   * @param origin where the text came from (a file name), used to start every error message
   */
  public static SearchSpace parse(String json, String origin) {
    return new ConfigSpaceJson(origin).space(json);
  }

  private SearchSpace space(String json) {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      throw fail("not valid JSON" + (at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr())
          + ": " + e.getOriginalMessage());
    }
    if (root == null || !root.isObject() || !root.path("hyperparameters").isArray()) {
      throw fail("expected a JSON object with a 'hyperparameters' list, as ConfigSpace's JSON writer produces");
    }
    JsonNode forbiddens = root.path("forbiddens");
    if (forbiddens.isArray() && !forbiddens.isEmpty()) {
      throw fail("forbidden clauses are not supported yet (found " + forbiddens.size() + ", the first is "
          + forbiddens.get(0) + "); remove the 'forbiddens' entries or express them as conditions");
    }
    SearchSpace.Builder b = SearchSpace.builder();
    for (JsonNode hp : root.get("hyperparameters")) {
      Parameter p = parameter(hp);
      parameters.putIfAbsent(p.name(), p);
      b.add(p);
    }
    for (JsonNode c : root.path("conditions")) {
      String child = text(c, "child", "a condition");
      b.condition(child, condition(c, child));
    }
    try {
      return b.build();
    } catch (InvalidSpaceException e) {
      throw fail(e.getMessage());
    }
  }

  private Parameter parameter(JsonNode hp) {
    String name = text(hp, "name", "a hyperparameter");
    String type = text(hp, "type", "hyperparameter '" + name + "'");
    String where = "hyperparameter '" + name + "' (" + type + ")";
    try {
      switch (type) {
        case "uniform_float":
          return floatParameter(hp, name, where);
        case "uniform_int":
          return intParameter(hp, name, where);
        case "normal_float":
        case "beta_float":
          requireBounds(hp, where);
          return floatParameter(hp, name, where);
        case "normal_int":
        case "beta_int":
          requireBounds(hp, where);
          return intParameter(hp, name, where);
        case "categorical":
          return new CategoricalParameter(name, values(hp, "choices", where));
        case "ordinal":
          return new OrdinalParameter(name, values(hp, "sequence", where));
        case "constant":
          return new CategoricalParameter(name, List.of(value(hp.get("value"), where + ": 'value'")));
        default:
          throw fail(where + ": unsupported type; use uniform_float, uniform_int, categorical, ordinal, constant, "
              + "or normal_float/normal_int with lower and upper");
      }
    } catch (InvalidSpaceException e) {
      // The parameter records' own checks do not know the file; ours already name it.
      throw e.getMessage().startsWith(origin + ": ") ? e : fail(e.getMessage());
    }
  }

  private FloatParameter floatParameter(JsonNode hp, String name, String where) {
    JsonNode q = hp.get("q");
    Double step = q == null || q.isNull() ? null : number(hp, "q", where);
    return new FloatParameter(name, number(hp, "lower", where), number(hp, "upper", where), log(hp, where), step);
  }

  private IntParameter intParameter(JsonNode hp, String name, String where) {
    JsonNode q = hp.get("q");
    if (q != null && !q.isNull() && number(hp, "q", where) != 1) {
      throw fail(where + ": q = " + q + " on an integer cannot be represented; drop q or use an ordinal "
          + "hyperparameter listing the values");
    }
    return new IntParameter(name, whole(hp, "lower", where), whole(hp, "upper", where), log(hp, where));
  }

  private void requireBounds(JsonNode hp, String where) {
    if (!hp.path("lower").isNumber() || !hp.path("upper").isNumber()) {
      throw fail(where + ": has no lower/upper bounds, and ASAP searches bounded ranges only; add lower and "
          + "upper (e.g. mu +- 3 sigma) or use a uniform_* type");
    }
  }

  private Condition condition(JsonNode c, String child) {
    String where = "condition on hyperparameter '" + child + "'";
    String type = text(c, "type", where).toUpperCase(Locale.ROOT);
    if (type.equals("AND") || type.equals("OR")) {
      JsonNode items = c.path("conditions");
      if (!items.isArray() || items.isEmpty()) {
        throw fail(where + ": " + type + " needs a non-empty 'conditions' list");
      }
      List<Condition> parts = new ArrayList<>();
      items.forEach(item -> parts.add(condition(item, child)));
      return type.equals("AND") ? new Condition.AllOf(parts) : new Condition.AnyOf(parts);
    }
    String parentName = text(c, "parent", where);
    Parameter parent = parameters.get(parentName);
    switch (type) {
      case "EQ":
        return new Condition.In(parentName, List.of(parentValue(value(c.get("value"), where + ": 'value'"), parent)));
      case "IN": {
        JsonNode values = c.path("values");
        if (!values.isArray() || values.isEmpty()) {
          throw fail(where + ": IN needs a non-empty 'values' list");
        }
        List<Object> in = new ArrayList<>();
        values.forEach(v -> in.add(parentValue(value(v, where + ": 'values'"), parent)));
        return new Condition.In(parentName, in);
      }
      case "NEQ":
        return new Condition.In(parentName, othersThan(value(c.get("value"), where + ": 'value'"), parentName,
            parent, where));
      default:
        throw fail(where + ": unsupported condition type '" + type + "'; ASAP reads EQ, NEQ, IN, AND and OR");
    }
  }

  /** NEQ as membership in the parent's remaining values. */
  private List<Object> othersThan(Object raw, String parentName, Parameter parent, String where) {
    if (parent == null) {
      throw fail(where + ": depends on unknown hyperparameter '" + parentName + "'; define it first");
    }
    if (parent instanceof FloatParameter || parent.cardinality() > MAX_NEQ_VALUES) {
      throw fail(where + ": NEQ needs a parent with a short list of values, but '" + parentName + "' has "
          + (parent instanceof FloatParameter ? "a continuous range" : parent.cardinality() + " values")
          + "; rewrite the condition with IN");
    }
    Object excluded = parentValue(raw, parent);
    List<Object> all = new ArrayList<>();
    if (parent instanceof CategoricalParameter cat) {
      all.addAll(cat.choices());
    } else if (parent instanceof OrdinalParameter ord) {
      all.addAll(ord.values());
    } else {
      IntParameter ints = (IntParameter) parent;
      for (long v = ints.low(); v <= ints.high(); v++) {
        all.add(v);
      }
    }
    if (!all.remove(excluded)) {
      throw fail(where + ": NEQ value " + raw + " is not a value of '" + parentName + "'; its values are " + all);
    }
    if (all.isEmpty()) {
      throw fail(where + ": NEQ excludes the only value of '" + parentName + "', so the child could never be "
          + "active; remove the child or the condition");
    }
    return all;
  }

  /** A condition value in the parent's own type, so that "16" matches the choice "16" or 16. */
  private static Object parentValue(Object raw, Parameter parent) {
    if (parent instanceof CategoricalParameter cat) {
      return matchChoice(raw, cat.choices());
    }
    if (parent instanceof OrdinalParameter ord) {
      return matchChoice(raw, ord.values());
    }
    Double d = asNumber(raw);
    if (parent instanceof IntParameter && d != null && d == Math.rint(d)) {
      return d.longValue();
    }
    if (parent instanceof FloatParameter && d != null) {
      return d;
    }
    return raw;
  }

  private static Object matchChoice(Object raw, List<Object> choices) {
    for (Object c : choices) {
      if (c.equals(raw)) {
        return c;
      }
    }
    for (Object c : choices) {
      boolean same = c instanceof Boolean ? String.valueOf(c).equalsIgnoreCase(String.valueOf(raw))
          : String.valueOf(c).equals(String.valueOf(raw));
      if (same) {
        return c;
      }
    }
    Double r = asNumber(raw);
    for (Object c : choices) {
      if (r != null && r.equals(asNumber(c))) {
        return c;
      }
    }
    return raw;
  }

  private static Double asNumber(Object v) {
    if (v instanceof Number n) {
      return n.doubleValue();
    }
    if (v instanceof String s) {
      try {
        return Double.parseDouble(s.trim());
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }

  private List<Object> values(JsonNode hp, String key, String where) {
    JsonNode list = hp.get(key);
    if (list == null || !list.isArray()) {
      throw fail(where + ": missing the '" + key + "' list");
    }
    List<Object> out = new ArrayList<>();
    list.forEach(v -> out.add(value(v, where + ": '" + key + "'")));
    return out;
  }

  /** A JSON scalar as Long, Double, String or Boolean. */
  private Object value(JsonNode v, String where) {
    if (v == null || v.isNull() || v.isMissingNode()) {
      throw fail(where + " is missing");
    }
    if (v.isIntegralNumber() && v.canConvertToLong()) {
      return v.longValue();
    }
    if (v.isNumber()) {
      return v.doubleValue();
    }
    if (v.isTextual()) {
      return v.textValue();
    }
    if (v.isBoolean()) {
      return v.booleanValue();
    }
    throw fail(where + " must hold strings, numbers or booleans, got " + v);
  }

  private double number(JsonNode hp, String key, String where) {
    JsonNode v = hp.get(key);
    if (v == null || !v.isNumber()) {
      throw fail(where + ": '" + key + "' must be a number, got " + (v == null ? "nothing" : v.toString()));
    }
    return v.doubleValue();
  }

  private long whole(JsonNode hp, String key, String where) {
    double d = number(hp, key, where);
    if (d != Math.rint(d)) {
      throw fail(where + ": '" + key + "' must be a whole number, got " + d);
    }
    return (long) d;
  }

  private boolean log(JsonNode hp, String where) {
    JsonNode v = hp.get("log");
    if (v == null || v.isNull()) {
      return false;
    }
    if (!v.isBoolean()) {
      throw fail(where + ": 'log' must be true or false, got " + v);
    }
    return v.booleanValue();
  }

  private String text(JsonNode node, String key, String where) {
    JsonNode v = node.get(key);
    if (v == null || !v.isTextual() || v.textValue().isBlank()) {
      throw fail(where + " has no '" + key + "'" + (v == null ? "" : " (got " + v + ")"));
    }
    return v.textValue();
  }

  private InvalidSpaceException fail(String message) {
    return new InvalidSpaceException(origin + ": " + message);
  }
}
