package dev.asap.bench.constrained.parallelism;

/**
 * Memory of the most loaded GPU of a plan that passed {@link PlanRules}: the heavier of the first pipeline stage
 * (word and position embeddings, the most micro-batches in flight) and the last (a copy of the word embeddings
 * for the tied output layer, the logits).
 *
 * <ul>
 *   <li>Model states, mixed-precision Adam: 2 bytes of 16-bit weights, 2 of gradients and 12 of 32-bit master
 *       weights, momentum and variance per parameter, with ZeRO sharding the last 12, then the gradients, then
 *       the weights over the data-parallel replicas (Rajbhandari et al. 2020, "ZeRO: Memory Optimizations Toward
 *       Training Trillion Parameter Models", §5).</li>
 *   <li>Activations per layer and micro-batch (16-bit, dropout masks included), Korthikanti et al. 2022,
 *       "Reducing Activation Recomputation in Large Transformer Models", table 2: sbh(10 + 24/t + 5as/(ht))
 *       with tensor parallelism t, sbh(34/t + 5as/(ht)) with sequence parallelism too; selective recomputation
 *       drops the 5as/(ht) term of the attention core; full recomputation keeps only the layer's input, 2sbh.</li>
 *   <li>Micro-batches in flight (1F1B, Narayanan et al. 2021, §2.2): stage r of p holds min(p − r, m) of its
 *       layers' activations; the interleaved schedule with v chunks per stage holds 2(p − r − 1) + (v − 1)p + 1
 *       chunks of L/(pv) layers, so the first stage stores L(1 + (p − 1)/(pv)) layers' worth (Korthikanti et al.
 *       2022, §4.2.3).</li>
 *   <li>The last stage also keeps the output layer's input and the 32-bit logits for the loss, 4sb(h + V)/t
 *       (Korthikanti et al. 2022, §4.3).</li>
 *   <li>A fixed reserve for the CUDA context, communication buffers and allocator fragmentation.</li>
 * </ul>
 */
public final class MemoryModel {
  static final double RUNTIME_RESERVE_BYTES = 3 * GpuCluster.GIB;
  private static final double BYTES_16_BIT = 2;

  private MemoryModel() {}

  /** Bytes on the most loaded GPU. */
  public static double peakBytes(TrainingJob job, ParallelPlan plan) {
    int pp = plan.pipelineParallel();
    return Math.max(stageBytes(job, plan, 0), stageBytes(job, plan, pp - 1));
  }

  static double stageBytes(TrainingJob job, ParallelPlan plan, int stage) {
    return modelStateBytes(stageParameters(job.model(), plan, stage) / plan.tensorParallel(), plan.zeroStage(),
        plan.dataParallel(job.cluster())) + activationBytes(job, plan, stage) + RUNTIME_RESERVE_BYTES;
  }

  /** Parameters a pipeline stage holds before tensor parallelism splits them. */
  static double stageParameters(GptModel model, ParallelPlan plan, int stage) {
    int pp = plan.pipelineParallel();
    double params = (double) model.layers() / pp * model.layerParameters();
    if (stage == 0) {
      params += model.embeddingParameters();
    } else if (stage == pp - 1) {
      params += (double) model.vocabulary() * model.hidden();
    }
    return params;
  }

  /** Mixed-precision Adam states of {@code params} parameters under a ZeRO stage over {@code dp} replicas. */
  static double modelStateBytes(double params, int zeroStage, int dp) {
    return switch (zeroStage) {
      case 0 -> 16 * params;
      case 1 -> 4 * params + 12 * params / dp;
      case 2 -> 2 * params + 14 * params / dp;
      case 3 -> 16 * params / dp;
      default -> throw new IllegalArgumentException("ZeRO has stages 0 to 3, not " + zeroStage);
    };
  }

  static double activationBytes(TrainingJob job, ParallelPlan plan, int stage) {
    GptModel model = job.model();
    int pp = plan.pipelineParallel();
    int v = plan.virtualStages();
    int m = plan.microBatches(job);
    double layersStored = plan.interleaved()
        ? Math.min(2 * (pp - stage - 1) + (v - 1) * pp + 1, m * v) * ((double) model.layers() / (pp * v))
        : Math.min(pp - stage, m) * ((double) model.layers() / pp);
    double bytes = layersStored * layerActivationBytes(model, plan);
    if (stage == pp - 1) {
      double sb = (double) model.sequence() * plan.microBatch();
      bytes += 4 * sb * (model.hidden() + model.vocabulary()) / plan.tensorParallel();
    }
    return bytes;
  }

  /** One layer's stored activations for one micro-batch (Korthikanti et al. 2022, table 2). */
  static double layerActivationBytes(GptModel model, ParallelPlan plan) {
    double s = model.sequence();
    double h = model.hidden();
    double sbh = s * plan.microBatch() * h;
    double t = plan.tensorParallel();
    double attentionCore = 5 * model.heads() * s / (h * t);
    return switch (plan.recomputation()) {
      case FULL -> BYTES_16_BIT * sbh;
      case SELECTIVE -> sbh * (plan.sequenceParallel() ? 34 / t : 10 + 24 / t);
      case NONE -> sbh * ((plan.sequenceParallel() ? 34 / t : 10 + 24 / t) + attentionCore);
    };
  }
}
