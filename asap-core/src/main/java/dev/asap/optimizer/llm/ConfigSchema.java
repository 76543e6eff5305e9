package dev.asap.optimizer.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.asap.space.CategoricalParameter;
import dev.asap.space.FloatParameter;
import dev.asap.space.IntParameter;
import dev.asap.space.OrdinalParameter;
import dev.asap.space.Parameter;
import dev.asap.space.SearchSpace;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The JSON schema of one config of a space: an object whose properties are the parameters (numbers and
 * integers with their bounds, choices as an enum). Parameters with a condition are optional, because a schema
 * cannot say when they are active; the space decides that when the answer is validated.
 */
final class ConfigSchema {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ConfigSchema() {}

  /** The schema as text; {@code bounds} false leaves out {@code minimum}/{@code maximum}. */
  static String of(SearchSpace space, boolean bounds) {
    ObjectNode schema = JSON.createObjectNode();
    schema.put("type", "object");
    ObjectNode properties = schema.putObject("properties");
    ArrayNode required = JSON.createArrayNode();
    for (Parameter p : space.parameters()) {
      properties.set(p.name(), property(p, bounds));
      if (space.condition(p.name()) == null) {
        required.add(p.name());
      }
    }
    schema.set("required", required);
    schema.put("additionalProperties", false);
    try {
      return JSON.writeValueAsString(schema);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ObjectNode property(Parameter p, boolean bounds) {
    ObjectNode node = JSON.createObjectNode();
    if (p instanceof FloatParameter f) {
      node.put("type", "number");
      if (bounds) {
        node.put("minimum", f.low()).put("maximum", f.high());
      }
    } else if (p instanceof IntParameter i) {
      node.put("type", "integer");
      if (bounds) {
        node.put("minimum", i.low()).put("maximum", i.high());
      }
    } else if (p instanceof CategoricalParameter c) {
      node.set("enum", values(c.choices()));
    } else {
      node.set("enum", values(((OrdinalParameter) p).values()));
    }
    return node;
  }

  private static ArrayNode values(List<Object> values) {
    ArrayNode out = JSON.createArrayNode();
    values.forEach(v -> out.add(JSON.valueToTree(v)));
    return out;
  }
}
