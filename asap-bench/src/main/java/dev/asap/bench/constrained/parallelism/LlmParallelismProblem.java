package dev.asap.bench.constrained.parallelism;

import dev.asap.objective.Evaluation;
import dev.asap.space.CategoricalParameter;
import dev.asap.space.Config;
import dev.asap.space.OrdinalParameter;
import dev.asap.space.SearchSpace;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Choosing how to train a GPT-style model on a GPU cluster: tensor, pipeline (with virtual stages) and sequence
 * parallelism, micro-batch, activation recomputation and ZeRO stage, minimising the seconds per training step.
 * A plan that breaks a launch rule ({@link PlanRules}) is infeasible within seconds, one that does not fit in
 * memory ({@link MemoryModel}) after the start-up; the others are profiled ({@link StepTimeModel}). The space is
 * finite, so the optimum is found by enumerating it.
 */
public final class LlmParallelismProblem {
  /** Every problem's name starts with this. */
  public static final String PREFIX = "llm-parallelism-";
  /** Start-up plus a few profiled steps. */
  public static final double PROFILE_SECONDS = 300;
  /** Start-up (loading, building the model), then out of memory in the first step. */
  public static final double OUT_OF_MEMORY_SECONDS = 90;
  /** Argument checks at launch. */
  public static final double REJECTED_SECONDS = 5;

  static final String TENSOR = "tensor_parallel";
  static final String PIPELINE = "pipeline_parallel";
  static final String MICRO_BATCH = "micro_batch";
  static final String RECOMPUTE = "recompute";
  static final String ZERO = "zero_stage";
  static final String SEQUENCE = "sequence_parallel";
  static final String VIRTUAL = "virtual_stages";
  private static final SearchSpace SPACE = SearchSpace.builder()
      .add(OrdinalParameter.of(TENSOR, 1L, 2L, 4L, 8L))
      .add(OrdinalParameter.of(PIPELINE, 1L, 2L, 4L, 8L, 16L))
      .add(OrdinalParameter.of(MICRO_BATCH, 1L, 2L, 4L, 8L, 16L))
      .add(CategoricalParameter.of(RECOMPUTE, "none", "selective", "full"))
      .add(OrdinalParameter.of(ZERO, 0L, 1L, 2L, 3L))
      .add(CategoricalParameter.of(SEQUENCE, false, true))
      .add(OrdinalParameter.of(VIRTUAL, 1L, 2L, 4L))
      .when(SEQUENCE, TENSOR, 2L, 4L, 8L)
      .when(VIRTUAL, PIPELINE, 2L, 4L, 8L, 16L)
      .build();

  private final String name;
  private final TrainingJob job;
  private final Config optimalConfig;
  private final double optimum;

  /**
   * @throws IllegalArgumentException when no plan of the space fits the job
   */
  public static LlmParallelismProblem of(String name, TrainingJob job) {
    return new LlmParallelismProblem(name, job);
  }

  private LlmParallelismProblem(String name, TrainingJob job) {
    this.name = name;
    this.job = job;
    Config best = null;
    double bestSeconds = Double.POSITIVE_INFINITY;
    for (Config c : FiniteSpaces.enumerate(SPACE)) {
      Evaluation e = evaluate(c);
      if (e.isFeasible() && e.value() < bestSeconds) {
        best = c;
        bestSeconds = e.value();
      }
    }
    if (best == null) {
      throw new IllegalArgumentException(name + ": no plan fits");
    }
    this.optimalConfig = best;
    this.optimum = bestSeconds;
  }

  /** OPT-13B on 8 DGX A100 nodes (64 GPUs), 512 sequences of 2,048 tokens per step. */
  public static LlmParallelismProblem opt13b() {
    return of(PREFIX + "13b",
        new TrainingJob(GptModel.opt13b(), GpuCluster.dgxA100(8), 512));
  }

  /** OPT-30B on 8 DGX A100 nodes (64 GPUs), 512 sequences of 2,048 tokens per step. */
  public static LlmParallelismProblem opt30b() {
    return of(PREFIX + "30b",
        new TrainingJob(GptModel.opt30b(), GpuCluster.dgxA100(8), 512));
  }

  public static List<LlmParallelismProblem> all() {
    return List.of(opt13b(), opt30b());
  }

  public String name() {
    return name;
  }

  public TrainingJob job() {
    return job;
  }

  public SearchSpace space() {
    return SPACE;
  }

  /** The fastest feasible plan's seconds per step. */
  public double optimum() {
    return optimum;
  }

  public Config optimalConfig() {
    return optimalConfig;
  }

  /** Seconds per step at a profiling run's cost, or why the plan cannot run at the cost of finding out. */
  public Evaluation evaluate(Config config) {
    ParallelPlan plan = plan(config);
    Optional<String> rejected = PlanRules.rejection(job, plan);
    if (rejected.isPresent()) {
      return Evaluation.infeasible(rejected.get(), REJECTED_SECONDS);
    }
    double bytes = MemoryModel.peakBytes(job, plan);
    double limit = job.cluster().memoryBytes();
    if (bytes > limit) {
      // How far over the memory: what a real run can report too, from the allocator's out-of-memory message.
      return Evaluation.infeasible(String.format(Locale.ROOT, "out of memory: needs %.1f GiB of %.0f GiB per GPU",
          bytes / GpuCluster.GIB, limit / GpuCluster.GIB), OUT_OF_MEMORY_SECONDS, bytes / limit - 1);
    }
    return Evaluation.withCost(StepTimeModel.stepSeconds(job, plan), PROFILE_SECONDS);
  }

  static ParallelPlan plan(Config c) {
    return new ParallelPlan(c.getInt(TENSOR), c.getInt(PIPELINE), c.getInt(MICRO_BATCH),
        Recomputation.of(c.getString(RECOMPUTE)), c.getInt(ZERO),
        c.has(SEQUENCE) && Boolean.TRUE.equals(c.get(SEQUENCE)), c.has(VIRTUAL) ? c.getInt(VIRTUAL) : 1);
  }
}
