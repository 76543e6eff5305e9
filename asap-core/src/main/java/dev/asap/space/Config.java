package dev.asap.space;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An immutable assignment of values to the active parameters of a search space, in the space's order.
 * Build one through {@link SearchSpace#config(Map)} so that it is checked against the space.
 */
public final class Config {
  private final Map<String, Object> values;
  // Configs are immutable and hashed on every round (seen-sets of the history), so the hash is computed once.
  private final int hash;

  Config(Map<String, Object> values) {
    this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    this.hash = this.values.hashCode();
  }

  /**
   * A copy with one more value that is not a parameter of the space: the fidelity a scheduler runs this
   * config at, which the objective reads like a parameter and no tool searches.
   */
  public Config plus(String name, Object value) {
    if (values.containsKey(name)) {
      throw new IllegalArgumentException("the config already has a value for " + name);
    }
    Map<String, Object> more = new LinkedHashMap<>(values);
    more.put(name, value);
    return new Config(more);
  }

  /** The active parameters and their values, in the space's order. */
  public Map<String, Object> values() {
    return values;
  }

  public boolean has(String name) {
    return values.containsKey(name);
  }

  public Object get(String name) {
    Object v = values.get(name);
    if (v == null) {
      throw new IllegalArgumentException("parameter '" + name + "' is not active in this config: " + values);
    }
    return v;
  }

  public double getDouble(String name) {
    return ((Number) get(name)).doubleValue();
  }

  public long getLong(String name) {
    return ((Number) get(name)).longValue();
  }

  public int getInt(String name) {
    return Math.toIntExact(getLong(name));
  }

  public String getString(String name) {
    return String.valueOf(get(name));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Config c && values.equals(c.values);
  }

  @Override
  public int hashCode() {
    return hash;
  }

  @Override
  public String toString() {
    return values.toString();
  }
}
