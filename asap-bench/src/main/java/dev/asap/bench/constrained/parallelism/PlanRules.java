package dev.asap.bench.constrained.parallelism;

import java.util.Optional;

/**
 * The checks Megatron-LM and DeepSpeed make at launch, before any memory is allocated: a plan that breaks one
 * is rejected within seconds.
 */
public final class PlanRules {
  private PlanRules() {}

  /** Why the plan cannot launch, or empty when it can. */
  public static Optional<String> rejection(TrainingJob job, ParallelPlan plan) {
    GptModel model = job.model();
    GpuCluster cluster = job.cluster();
    int tp = plan.tensorParallel();
    int pp = plan.pipelineParallel();
    if (tp > cluster.gpusPerNode()) {
      return reason("tensor parallelism %d spans nodes of %d GPUs", tp, cluster.gpusPerNode());
    }
    if (model.heads() % tp != 0) {
      return reason("tensor parallelism %d does not divide the %d attention heads", tp, model.heads());
    }
    if (plan.dataParallel(cluster) == 0) {
      return reason("tensor x pipeline parallelism %d x %d does not divide the %d GPUs", tp, pp, cluster.gpus());
    }
    int chunks = pp * plan.virtualStages();
    if (model.layers() % chunks != 0) {
      return plan.interleaved()
          ? reason("%d pipeline stages x %d virtual stages do not divide the %d layers", pp, plan.virtualStages(),
              model.layers())
          : reason("%d pipeline stages do not divide the %d layers", pp, model.layers());
    }
    int perStep = plan.microBatch() * plan.dataParallel(cluster);
    if (job.globalBatch() % perStep != 0) {
      return reason("global batch %d is not a multiple of micro-batch %d x data parallelism %d",
          job.globalBatch(), plan.microBatch(), plan.dataParallel(cluster));
    }
    if (plan.interleaved() && plan.microBatches(job) % pp != 0) {
      return reason("the interleaved schedule needs the %d micro-batches to be a multiple of the %d pipeline stages",
          plan.microBatches(job), pp);
    }
    if (plan.zeroStage() >= 2 && pp > 1) {
      return reason("ZeRO stage %d cannot be combined with pipeline parallelism", plan.zeroStage());
    }
    return Optional.empty();
  }

  private static Optional<String> reason(String format, Object... args) {
    return Optional.of(String.format(java.util.Locale.ROOT, format, args));
  }
}
