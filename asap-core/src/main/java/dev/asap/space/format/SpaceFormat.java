package dev.asap.space.format;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.asap.space.CategoricalParameter;
import dev.asap.space.Condition;
import dev.asap.space.FloatParameter;
import dev.asap.space.IntParameter;
import dev.asap.space.InvalidSpaceException;
import dev.asap.space.OrdinalParameter;
import dev.asap.space.Parameter;
import dev.asap.space.SearchSpace;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * ASAP's own space format: a map from parameter name to its definition, as written under {@code space:}
 * in a study file.
 *
 * <pre>
 * x:        {type: float, low: -5, high: 10}
 * lr:       {type: float, low: 1.0e-5, high: 1, log: true}
 * layers:   {type: int, low: 1, high: 8}
 * opt:      {type: categorical, choices: [adam, sgd]}
 * batch:    {type: ordinal, values: [32, 64, 128]}
 * momentum: {type: float, low: 0, high: 1, when: {opt: [sgd]}}
 * </pre>
 *
 * A {@code when} map with several parents means all of them must hold. Stores keep spaces as the JSON
 * form of this map.
 */
public final class SpaceFormat {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> FLOAT_KEYS = Set.of("type", "low", "high", "log", "step", "when");
  private static final Set<String> INT_KEYS = Set.of("type", "low", "high", "log", "when");
  private static final Set<String> CAT_KEYS = Set.of("type", "choices", "when");
  private static final Set<String> ORD_KEYS = Set.of("type", "values", "when");

  private static final String PARAMETERS = "parameters";
  private static final String CONSTRAINTS = "constraints";

  private SpaceFormat() {}

  /**
   * The space as JSON: the map of {@link #toMap}, or, when the space declares constraints,
   * {@code {"parameters": {...}, "constraints": ["..."]}} (a space without constraints keeps the plain form
   * that earlier stores hold).
   */
  public static String toJson(SearchSpace space) {
    Object form = toMap(space);
    if (space.hasConstraints()) {
      Map<String, Object> wrapped = new LinkedHashMap<>();
      wrapped.put(PARAMETERS, form);
      wrapped.put(CONSTRAINTS, space.constraints().stream().map(c -> c.text()).toList());
      form = wrapped;
    }
    try {
      return JSON.writeValueAsString(form);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write space as JSON", e);
    }
  }

  @SuppressWarnings("unchecked")
  public static SearchSpace fromJson(String json) {
    try {
      Map<String, Object> form = JSON.readValue(json, LinkedHashMap.class);
      // A parameter's definition is always a map, so a list under "constraints" marks the wrapped form.
      if (form.get(CONSTRAINTS) instanceof List<?> constraints && form.get(PARAMETERS) instanceof Map<?, ?> params) {
        return fromMap((Map<String, ?>) params).withConstraints(constraints.stream().map(String::valueOf).toList());
      }
      return fromMap(form);
    } catch (JsonProcessingException e) {
      throw new InvalidSpaceException("stored space is not valid JSON: " + e.getOriginalMessage());
    }
  }

  public static Map<String, Object> toMap(SearchSpace space) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Parameter p : space.parameters()) {
      Map<String, Object> def = new LinkedHashMap<>();
      if (p instanceof FloatParameter f) {
        def.put("type", "float");
        def.put("low", f.low());
        def.put("high", f.high());
        if (f.log()) {
          def.put("log", true);
        }
        if (f.step() != null) {
          def.put("step", f.step());
        }
      } else if (p instanceof IntParameter i) {
        def.put("type", "int");
        def.put("low", i.low());
        def.put("high", i.high());
        if (i.log()) {
          def.put("log", true);
        }
      } else if (p instanceof CategoricalParameter c) {
        def.put("type", "categorical");
        def.put("choices", c.choices());
      } else if (p instanceof OrdinalParameter o) {
        def.put("type", "ordinal");
        def.put("values", o.values());
      }
      Condition c = space.condition(p.name());
      if (c != null) {
        def.put("when", whenMap(p.name(), c));
      }
      out.put(p.name(), def);
    }
    return out;
  }

  private static Map<String, Object> whenMap(String child, Condition c) {
    Map<String, Object> when = new LinkedHashMap<>();
    List<Condition> parts = c instanceof Condition.AllOf all ? all.parts() : List.of(c);
    for (Condition part : parts) {
      if (!(part instanceof Condition.In in) || when.containsKey(in.parent())) {
        throw new IllegalArgumentException("parameter '" + child + "': condition " + c
            + " has no form in ASAP's space format (only 'parent in values' conditions, all of which must hold)");
      }
      when.put(in.parent(), in.values());
    }
    return when;
  }

  /** Reads the map form; error messages name the parameter and the key at fault. */
  public static SearchSpace fromMap(Map<String, ?> spec) {
    if (spec == null || spec.isEmpty()) {
      throw new InvalidSpaceException("the space defines no parameters; add at least one under 'space:'");
    }
    SearchSpace.Builder b = SearchSpace.builder();
    for (var e : spec.entrySet()) {
      String name = e.getKey();
      if (!(e.getValue() instanceof Map<?, ?> def)) {
        throw new InvalidSpaceException("parameter '" + name + "': expected a map such as "
            + "{type: float, low: 0, high: 1}, got " + e.getValue());
      }
      b.add(parameter(name, def));
      Object when = def.get("when");
      if (when != null) {
        if (!(when instanceof Map<?, ?> whenMap) || whenMap.isEmpty()) {
          throw new InvalidSpaceException("parameter '" + name + "': 'when' must map parent names to lists of "
              + "values, e.g. when: {opt: [sgd]}");
        }
        for (var w : whenMap.entrySet()) {
          Object values = w.getValue();
          List<?> list = values instanceof List<?> l ? l : List.of(values);
          b.when(name, String.valueOf(w.getKey()), list.toArray());
        }
      }
    }
    return b.build();
  }

  private static Parameter parameter(String name, Map<?, ?> def) {
    Object typeValue = def.get("type");
    if (typeValue == null) {
      throw new InvalidSpaceException("parameter '" + name + "': missing 'type' (one of float, int, categorical, "
          + "ordinal)");
    }
    String type = String.valueOf(typeValue).toLowerCase(Locale.ROOT);
    switch (type) {
      case "float", "real", "double" -> {
        allowOnly(name, def, FLOAT_KEYS);
        Object step = def.get("step");
        return new FloatParameter(name, number(name, def, "low"), number(name, def, "high"), flag(name, def, "log"),
            step == null ? null : number(name, def, "step"));
      }
      case "int", "integer" -> {
        allowOnly(name, def, INT_KEYS);
        return new IntParameter(name, integer(name, def, "low"), integer(name, def, "high"), flag(name, def, "log"));
      }
      case "categorical", "choice" -> {
        allowOnly(name, def, CAT_KEYS);
        return new CategoricalParameter(name, list(name, def, "choices"));
      }
      case "ordinal" -> {
        allowOnly(name, def, ORD_KEYS);
        return new OrdinalParameter(name, list(name, def, "values"));
      }
      default -> throw new InvalidSpaceException("parameter '" + name + "': unknown type '" + typeValue
          + "'; use float, int, categorical or ordinal");
    }
  }

  private static void allowOnly(String name, Map<?, ?> def, Set<String> allowed) {
    for (Object k : def.keySet()) {
      if (!allowed.contains(String.valueOf(k))) {
        throw new InvalidSpaceException("parameter '" + name + "': unknown key '" + k + "' for type "
            + def.get("type") + "; allowed keys are " + new java.util.TreeSet<>(allowed));
      }
    }
  }

  private static double number(String name, Map<?, ?> def, String key) {
    Object v = def.get(key);
    if (v == null) {
      throw new InvalidSpaceException("parameter '" + name + "': missing '" + key + "'");
    }
    if (v instanceof Number n) {
      return n.doubleValue();
    }
    try {
      return Double.parseDouble(String.valueOf(v).trim());
    } catch (NumberFormatException ex) {
      throw new InvalidSpaceException("parameter '" + name + "': '" + key + "' must be a number, got '" + v + "'");
    }
  }

  private static long integer(String name, Map<?, ?> def, String key) {
    double d = number(name, def, key);
    if (d != Math.rint(d)) {
      throw new InvalidSpaceException("parameter '" + name + "': '" + key + "' of an int parameter must be a whole "
          + "number, got " + d);
    }
    return (long) d;
  }

  private static boolean flag(String name, Map<?, ?> def, String key) {
    Object v = def.get(key);
    if (v == null) {
      return false;
    }
    if (v instanceof Boolean b) {
      return b;
    }
    throw new InvalidSpaceException("parameter '" + name + "': '" + key + "' must be true or false, got '" + v + "'");
  }

  private static List<Object> list(String name, Map<?, ?> def, String key) {
    Object v = def.get(key);
    if (!(v instanceof List<?> l)) {
      throw new InvalidSpaceException("parameter '" + name + "': '" + key + "' must be a list such as [a, b], got "
          + (v == null ? "nothing" : "'" + v + "'"));
    }
    return new ArrayList<>(l);
  }
}
