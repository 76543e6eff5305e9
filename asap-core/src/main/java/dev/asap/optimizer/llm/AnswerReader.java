package dev.asap.optimizer.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.asap.llm.JsonInText;
import dev.asap.optimizer.History;
import dev.asap.space.CategoricalParameter;
import dev.asap.space.Condition;
import dev.asap.space.Config;
import dev.asap.space.FloatParameter;
import dev.asap.space.IntParameter;
import dev.asap.space.OrdinalParameter;
import dev.asap.space.Parameter;
import dev.asap.space.SearchSpace;
import dev.asap.trial.Trial;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a model's answer into a new valid config of the space, or rejects it with a reason the model can act
 * on. Prose and code fences around the object are tolerated (the first balanced object is read), and so are
 * loose types: an integer written as 3.0, a number or a choice written as a string. Parameters that are
 * inactive under the values the answer gives their parents are ignored, because engines whose grammar emits
 * every property of the schema cannot leave them out. Everything else goes through {@link SearchSpace#config}.
 */
final class AnswerReader {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A valid config that the history has not seen, and the inactive parameters the answer set anyway. */
  record Accepted(Config config, List<String> ignored) {}

  private AnswerReader() {}

  static Accepted read(String text, SearchSpace space, History history) throws RejectedAnswer {
    Map<String, Object> raw = values(object(text), space);
    Map<String, Object> active = new LinkedHashMap<>();
    List<String> ignored = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    Set<String> decided = new HashSet<>();
    // Parents are decided before their children; the space's conditions are acyclic, so this ends.
    while (decided.size() < space.dimension()) {
      for (Parameter p : space.parameters()) {
        if (decided.contains(p.name()) || !parentsDecided(space.condition(p.name()), decided)) {
          continue;
        }
        decided.add(p.name());
        Object v = raw.get(p.name());
        if (!space.isActive(p.name(), active)) {
          if (v != null) {
            ignored.add(p.name());
          }
        } else if (v == null) {
          missing.add(p.name());
        } else {
          active.put(p.name(), canonical(p, v));
        }
      }
    }
    if (!missing.isEmpty()) {
      throw new RejectedAnswer("it gives no value for the active parameter" + (missing.size() == 1 ? " " : "s ")
          + String.join(", ", missing));
    }
    Config config;
    try {
      config = space.config(active);
    } catch (IllegalArgumentException e) {
      throw new RejectedAnswer(e.getMessage());
    }
    if (history.contains(config)) {
      throw new RejectedAnswer(repeated(config, history));
    }
    return new Accepted(config, List.copyOf(ignored));
  }

  private static JsonNode object(String text) throws RejectedAnswer {
    String all = text == null ? "" : text;
    String object = JsonInText.firstObject(all);
    if (object == null) {
      throw new RejectedAnswer(all.indexOf('{') < 0 ? "it holds no JSON object"
          : "its JSON object is not closed (it may have been cut off); answer with a shorter object");
    }
    try {
      return JSON.readTree(object);
    } catch (Exception e) {
      throw new RejectedAnswer("it is not valid JSON");
    }
  }

  private static Map<String, Object> values(JsonNode node, SearchSpace space) throws RejectedAnswer {
    List<String> unknown = new ArrayList<>();
    node.fieldNames().forEachRemaining(name -> {
      if (!space.hasParameter(name)) {
        unknown.add(name);
      }
    });
    if (!unknown.isEmpty()) {
      List<String> names = space.parameters().stream().map(Parameter::name).toList();
      throw new RejectedAnswer("the space has no parameter" + (unknown.size() == 1 ? " " : "s ")
          + String.join(", ", unknown) + "; its parameters are " + String.join(", ", names));
    }
    Map<String, Object> out = new HashMap<>();
    for (Parameter p : space.parameters()) {
      JsonNode v = node.get(p.name());
      if (v != null && !v.isNull()) {
        out.put(p.name(), scalar(p.name(), v));
      }
    }
    return out;
  }

  private static Object scalar(String name, JsonNode v) throws RejectedAnswer {
    if (v.isBoolean()) {
      return v.booleanValue();
    } else if (v.isIntegralNumber() && v.canConvertToLong()) {
      return v.longValue();
    } else if (v.isNumber()) {
      return v.doubleValue();
    } else if (v.isTextual()) {
      return v.textValue();
    }
    throw new RejectedAnswer("parameter '" + name + "' needs a single value, got " + PromptText.clip(v.toString()));
  }

  private static boolean parentsDecided(Condition c, Set<String> decided) {
    return c == null || decided.containsAll(c.parents());
  }

  /** The value in the parameter's canonical type, with a float on a grid moved to the nearest grid point. */
  private static Object canonical(Parameter p, Object v) throws RejectedAnswer {
    try {
      Object c = p.canonical(loose(p, v));
      if (p instanceof FloatParameter f && f.step() != null) {
        // The grid is what the space can express; an LLM writing 0.37 for steps of 0.05 means 0.35.
        return f.fromUnit(f.toUnit(c));
      }
      return c;
    } catch (IllegalArgumentException e) {
      throw new RejectedAnswer(e.getMessage());
    }
  }

  private static Object loose(Parameter p, Object v) {
    if (!(v instanceof String s)) {
      return v;
    }
    if (p instanceof FloatParameter || p instanceof IntParameter) {
      try {
        return Double.parseDouble(s.strip());
      } catch (NumberFormatException e) {
        return v;
      }
    }
    List<Object> choices = p instanceof CategoricalParameter c ? c.choices() : ((OrdinalParameter) p).values();
    if (choices.contains(s)) {
      return s;
    }
    for (Object choice : choices) {
      if (PromptText.value(choice).equals(s.strip()) || String.valueOf(choice).equals(s.strip())) {
        return choice;
      }
    }
    return v;
  }

  private static String repeated(Config config, History history) {
    for (Trial t : history.trials()) {
      if (t.config().equals(config)) {
        String how = switch (t.state()) {
          case COMPLETE -> "already evaluated to " + PromptText.number(t.value());
          case RUNNING -> "being evaluated now";
          case PRUNED -> "already tried and pruned";
          case INFEASIBLE -> "already tried: infeasible";
          default -> "already tried and failed";
        };
        return "it repeats trial #" + t.number() + " (" + how + "); propose a configuration not tried yet";
      }
    }
    return "it repeats a configuration already tried; propose one not tried yet";
  }
}
