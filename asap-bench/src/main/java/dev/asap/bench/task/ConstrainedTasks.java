package dev.asap.bench.task;

import dev.asap.bench.constrained.ConstrainedProblem;
import dev.asap.bench.constrained.ConstrainedProblems;
import dev.asap.bench.constrained.parallelism.LlmParallelismProblem;
import dev.asap.objective.Evaluation;
import dev.asap.objective.Objective;
import dev.asap.trial.Direction;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The constrained family: published constrained test problems and the LLM-parallelism problems as benchmark
 * tasks, where most uniformly drawn configs are infeasible. A feasible test-problem evaluation costs
 * {@link SyntheticTasks#EVAL_SECONDS}, an infeasible one {@link #CRASH_SECONDS} (a run that fails early); the
 * LLM-parallelism problems charge their own costs. Not part of the {@code smoke} and {@code full} suites.
 */
public final class ConstrainedTasks {
  public static final String FAMILY = "constrained";
  /** Task names of the test problems: this prefix and the problem's name, e.g. {@code constrained-g08}. */
  public static final String PREFIX = "constrained-";
  public static final double CRASH_SECONDS = 10;
  /**
   * Uniform draws for each task's reference: with up to 99.5 % of them infeasible, the random median needs more
   * than the default 1,000 to rest on dozens of feasible configs.
   */
  public static final int REFERENCE_DRAWS = 10_000;

  private ConstrainedTasks() {}

  public static List<BenchmarkTask> all() {
    List<BenchmarkTask> out = new ArrayList<>(ConstrainedProblems.all().stream().map(ConstrainedTasks::task).toList());
    LlmParallelismProblem.all().forEach(p -> out.add(task(p)));
    return List.copyOf(out);
  }

  /**
   * The same tasks with objectives that only say "infeasible", not how far: most real objectives (a training
   * script killed for memory) answer that way. Family {@value #SILENT_FAMILY}, names {@code silent-<task>}.
   */
  public static List<BenchmarkTask> silent() {
    return all().stream().map(ConstrainedTasks::silent).toList();
  }

  public static final String SILENT_FAMILY = "constrained-silent";
  public static final String SILENT_PREFIX = "silent-";

  static BenchmarkTask silent(BenchmarkTask t) {
    Objective reporting = t.objective();
    return new BenchmarkTask(SILENT_PREFIX + t.name(), SILENT_FAMILY, t.space(), t.direction(), (config, context) -> {
      Evaluation e = reporting.evaluate(config, context);
      return e.isFeasible() ? e : Evaluation.infeasible(e.infeasibleReason(), e.costSeconds());
    }, t.optimum(), t.referenceSamples());
  }

  /** The LLM-parallelism tasks alone. */
  public static List<BenchmarkTask> llmParallelism() {
    return LlmParallelismProblem.all().stream().map(ConstrainedTasks::task).toList();
  }

  /** A task of this family by its full name, e.g. {@code constrained-g08} or {@code llm-parallelism-13b}. */
  public static Optional<BenchmarkTask> byName(String name) {
    if (name.startsWith(SILENT_PREFIX)) {
      return byName(name.substring(SILENT_PREFIX.length())).map(ConstrainedTasks::silent);
    }
    if (name.startsWith(PREFIX)) {
      return ConstrainedProblems.byName(name.substring(PREFIX.length())).map(ConstrainedTasks::task);
    }
    if (!name.startsWith(LlmParallelismProblem.PREFIX)) {
      // Building the LLM problems enumerates their spaces: not for names that cannot be theirs.
      return Optional.empty();
    }
    return LlmParallelismProblem.all().stream().filter(p -> p.name().equals(name)).findFirst()
        .map(ConstrainedTasks::task);
  }

  public static BenchmarkTask task(ConstrainedProblem p) {
    return new BenchmarkTask(PREFIX + p.name(), FAMILY, p.space(), Direction.MINIMIZE, (config, context) -> {
      double[] x = p.point(config);
      List<String> violated = p.violations(x);
      return violated.isEmpty() ? Evaluation.withCost(p.value(x), SyntheticTasks.EVAL_SECONDS)
          : Evaluation.infeasible("violates " + String.join(", ", violated), CRASH_SECONDS,
              Math.min(p.totalViolation(x), Double.MAX_VALUE));
    }, p.optimum(), REFERENCE_DRAWS);
  }

  public static BenchmarkTask task(LlmParallelismProblem p) {
    return new BenchmarkTask(p.name(), FAMILY, p.space(), Direction.MINIMIZE,
        (config, context) -> p.evaluate(config), p.optimum(), REFERENCE_DRAWS);
  }
}
