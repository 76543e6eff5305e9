package dev.asap.space;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * When a parameter is active, as a predicate over its parents' values.
 *
 * <p>A condition is only evaluated when every parent it names is itself active; a parent that is inactive
 * makes the child inactive too, which is how hierarchies nest to any depth.
 */
public sealed interface Condition permits Condition.In, Condition.AllOf, Condition.AnyOf {

  /** Parameters whose values this condition reads. */
  Set<String> parents();

  /** Evaluates the condition against the active parameters' values; absent parents count as inactive. */
  boolean holds(Map<String, Object> activeValues);

  /** Active when {@code parent} takes one of {@code values}. */
  record In(String parent, List<Object> values) implements Condition {
    public In {
      values = List.copyOf(values);
    }

    @Override
    public Set<String> parents() {
      return Set.of(parent);
    }

    @Override
    public boolean holds(Map<String, Object> activeValues) {
      Object v = activeValues.get(parent);
      return v != null && values.contains(v);
    }
  }

  /** Active when every part holds (conditions stacked on one child, or ConfigSpace's AND conjunction). */
  record AllOf(List<Condition> parts) implements Condition {
    public AllOf {
      parts = List.copyOf(parts);
    }

    @Override
    public Set<String> parents() {
      return union(parts);
    }

    @Override
    public boolean holds(Map<String, Object> activeValues) {
      return parts.stream().allMatch(c -> c.holds(activeValues));
    }
  }

  /** Active when any part holds (ConfigSpace's OR conjunction). */
  record AnyOf(List<Condition> parts) implements Condition {
    public AnyOf {
      parts = List.copyOf(parts);
    }

    @Override
    public Set<String> parents() {
      return union(parts);
    }

    @Override
    public boolean holds(Map<String, Object> activeValues) {
      return parts.stream().anyMatch(c -> c.holds(activeValues));
    }
  }

  private static Set<String> union(List<Condition> parts) {
    var all = new java.util.LinkedHashSet<String>();
    parts.forEach(p -> all.addAll(p.parents()));
    return Set.copyOf(all);
  }
}
