package dev.asap.optimizer;

import dev.asap.optimizer.random.RandomSearch;
import dev.asap.optimizer.sobol.SobolSearch;
import dev.asap.space.SearchSpace;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/** The tools selectable by name (e.g. {@code --optimizer sobol}). */
public final class Optimizers {
  private static final Map<String, BiFunction<SearchSpace, Long, Optimizer>> FACTORIES = new LinkedHashMap<>();

  static {
    FACTORIES.put("random", (space, seed) -> new RandomSearch(seed));
    FACTORIES.put("sobol", (space, seed) -> new SobolSearch(space.dimension(), seed));
  }

  private Optimizers() {}

  public static List<String> names() {
    return List.copyOf(FACTORIES.keySet());
  }

  public static Optimizer create(String name, SearchSpace space, long seed) {
    var factory = FACTORIES.get(name == null ? "" : name.trim().toLowerCase(java.util.Locale.ROOT));
    if (factory == null) {
      throw new IllegalArgumentException("unknown optimizer '" + name + "'; choose one of " + names());
    }
    return factory.apply(space, seed);
  }
}
