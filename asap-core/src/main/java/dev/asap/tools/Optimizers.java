package dev.asap.tools;

import dev.asap.integrator.BuiltinJudge;
import dev.asap.integrator.Judge;
import dev.asap.integrator.PoolOptimizer;
import dev.asap.integrator.RandomToolJudge;
import dev.asap.integrator.ToolPool;
import dev.asap.optimizer.cmaes.CmaEs;
import dev.asap.optimizer.de.DifferentialEvolution;
import dev.asap.optimizer.forest.ForestOptimizer;
import dev.asap.optimizer.gp.GpOptimizer;
import dev.asap.optimizer.local.LocalSearchOptimizer;
import dev.asap.optimizer.random.RandomSearch;
import dev.asap.optimizer.sobol.SobolSearch;
import dev.asap.optimizer.tpe.TpeSearch;
import dev.asap.space.SearchSpace;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import dev.asap.optimizer.feasibility.ConstraintGuard;
import dev.asap.optimizer.Optimizer;
import dev.asap.optimizer.Seeds;

/** The tools selectable by name (e.g. {@code --optimizer sobol}). */
public final class Optimizers {
  private static final Map<String, BiFunction<SearchSpace, Long, Optimizer>> FACTORIES = new LinkedHashMap<>();

  static {
    FACTORIES.put("random", (space, seed) -> new RandomSearch(seed));
    FACTORIES.put("sobol", (space, seed) -> new SobolSearch(space.dimension(), seed));
    FACTORIES.put("tpe", (space, seed) -> new TpeSearch(seed));
    FACTORIES.put("gp", (space, seed) -> new GpOptimizer(space, seed));
    FACTORIES.put("forest", (space, seed) -> new ForestOptimizer(space, seed));
    FACTORIES.put("cmaes", (space, seed) -> new CmaEs(space, seed));
    FACTORIES.put("de", (space, seed) -> new DifferentialEvolution(space, seed));
    FACTORIES.put("local", (space, seed) -> new LocalSearchOptimizer(space, seed));
  }

  /** The integrated optimizer: every other tool proposes, the built-in judge picks. */
  public static final String POOL = "asap";

  /**
   * The same pool with a judge that picks a proposal uniformly at random: the floor the built-in judge is
   * measured against (a judge must do better than chance to be worth its time).
   */
  public static final String RANDOM_JUDGE_POOL = "asap-random-judge";

  private Optimizers() {}

  /** Every selectable name: the single tools, then the integrated pool and its random-judge baseline. */
  public static List<String> names() {
    List<String> all = new java.util.ArrayList<>(FACTORIES.keySet());
    all.add(POOL);
    all.add(RANDOM_JUDGE_POOL);
    return List.copyOf(all);
  }

  /** The single tools that make up the pool. */
  public static List<String> toolNames() {
    return List.copyOf(FACTORIES.keySet());
  }

  public static Optimizer create(String name, SearchSpace space, long seed) {
    String key = name == null ? "" : name.trim().toLowerCase(java.util.Locale.ROOT);
    if (key.equals(POOL)) {
      return pool(space, seed);
    }
    if (key.equals(RANDOM_JUDGE_POOL)) {
      return new PoolOptimizer(RANDOM_JUDGE_POOL, new ToolPool(tools(space, seed, List.of())),
          new RandomToolJudge(seed), seed);
    }
    var factory = FACTORIES.get(key);
    if (factory == null) {
      throw new IllegalArgumentException("unknown optimizer '" + name + "'; choose one of " + names());
    }
    return ConstraintGuard.around(factory.apply(space, seed), space, seed);
  }

  /** Every single tool, each seeded differently so that they do not propose in lockstep, with the built-in judge. */
  public static Optimizer pool(SearchSpace space, long seed) {
    return pool(space, seed, new BuiltinJudge(seed));
  }

  /** Every single tool with the given judge (e.g. an LLM judge). */
  public static Optimizer pool(SearchSpace space, long seed, Judge judge) {
    return pool(space, seed, judge, List.of());
  }

  /** Every single tool plus {@code extraTools} (e.g. an LLM proposer, which needs an engine), with a judge. */
  public static Optimizer pool(SearchSpace space, long seed, Judge judge, List<Optimizer> extraTools) {
    return new PoolOptimizer(POOL, new ToolPool(tools(space, seed, extraTools)), judge, seed);
  }

  private static List<Optimizer> tools(SearchSpace space, long seed, List<Optimizer> extraTools) {
    List<Optimizer> tools = new java.util.ArrayList<>();
    int i = 0;
    for (var factory : FACTORIES.values()) {
      long toolSeed = Seeds.mix(seed, i++);
      tools.add(ConstraintGuard.around(factory.apply(space, toolSeed), space, toolSeed));
    }
    tools.addAll(extraTools);
    return tools;
  }
}
