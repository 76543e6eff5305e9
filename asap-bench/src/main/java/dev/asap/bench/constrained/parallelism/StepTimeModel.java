package dev.asap.bench.constrained.parallelism;

/**
 * Seconds per training step of a plan that passed {@link PlanRules} and fits in memory: an analytic model in
 * the spirit of Narayanan et al. 2021 ("Efficient Large-Scale Language Model Training on GPU Clusters Using
 * Megatron-LM", §3), not a measurement.
 *
 * <ul>
 *   <li>Compute: {@link GptModel#trainingFlops} spread evenly over the GPUs at peak × a matrix-multiplication
 *       efficiency that saturates with the size of each GPU's feed-forward GEMM, 8bsh²/t FLOPs: small
 *       micro-batches and wide tensor parallelism leave the tensor cores idle more often. The saturation curve
 *       is an assumption of this model.</li>
 *   <li>Tensor parallelism: per layer and micro-batch, two all-reduces of the 16-bit activations (bsh) in the
 *       forward pass and two in the backward, two more when full recomputation repeats the forward; each moves
 *       2(t − 1)/t of the data per GPU over NVLink (ring all-reduce) and is not overlapped. Sequence parallelism
 *       replaces them by all-gathers and reduce-scatters of the same volume (Korthikanti et al. 2022, §4.2.2).</li>
 *   <li>Pipeline: m micro-batches through p stages take (m + (p − 1)/v) micro-batch times, a bubble of
 *       (p − 1)/(vm) (Narayanan et al. 2021, §2.2); every time slot sends one activation forward and one gradient
 *       backward between stages, bsh/t values each (scatter/gather), v times as often with v virtual stages,
 *       over InfiniBand when the job spans nodes.</li>
 *   <li>Data parallelism: a ring all-reduce of the 16-bit gradients after the last micro-batch, over
 *       InfiniBand unless the replicas share a node, hidden only behind that micro-batch's backward pass; ZeRO-1
 *       and -2 move the same volume (reduce-scatter, then all-gather of the updated weights). ZeRO-3 also
 *       gathers the weights before each micro-batch's forward and backward pass, hidden behind that
 *       micro-batch's compute, and only reduce-scatters the gradients (Rajbhandari et al. 2020, §7).</li>
 * </ul>
 */
public final class StepTimeModel {
  /** Share of peak the largest GEMMs reach, other kernels (norms, softmax, optimizer) included. */
  static final double MAX_EFFICIENCY = 0.6;
  /** GEMM FLOPs at which half of {@link #MAX_EFFICIENCY} is reached. */
  static final double HALF_EFFICIENCY_FLOPS = 1e10;
  private static final double BYTES_16_BIT = 2;

  private StepTimeModel() {}

  public static double stepSeconds(TrainingJob job, ParallelPlan plan) {
    GptModel model = job.model();
    GpuCluster cluster = job.cluster();
    int pp = plan.pipelineParallel();
    int m = plan.microBatches(job);
    double compute = model.trainingFlops(job.globalBatch(), plan.recomputation())
        / (cluster.gpus() * cluster.peakFlops() * efficiency(model, plan));
    double microBatchCompute = compute / m;
    double microBatchSlot = microBatchCompute + tensorParallelSeconds(model, cluster, plan);
    double pipeline = (m + (double) (pp - 1) / plan.virtualStages()) * microBatchSlot;
    return pipeline + pointToPointSeconds(job, plan) + dataParallelSeconds(job, plan, microBatchCompute);
  }

  /** Share of peak reached by a GEMM of the feed-forward layer's size on one GPU. */
  static double efficiency(GptModel model, ParallelPlan plan) {
    double gemm = 8.0 * model.sequence() * plan.microBatch() * model.hidden() * model.hidden()
        / plan.tensorParallel();
    return MAX_EFFICIENCY * gemm / (gemm + HALF_EFFICIENCY_FLOPS);
  }

  /** Tensor-parallel collectives of one micro-batch on one stage. */
  static double tensorParallelSeconds(GptModel model, GpuCluster cluster, ParallelPlan plan) {
    int t = plan.tensorParallel();
    if (t == 1) {
      return 0;
    }
    int collectives = plan.recomputation() == Recomputation.FULL ? 6 : 4;
    double layers = (double) model.layers() / plan.pipelineParallel();
    double bytes = BYTES_16_BIT * model.sequence() * plan.microBatch() * model.hidden();
    return collectives * layers * 2.0 * (t - 1) / t * bytes / cluster.intraNodeBytesPerSecond();
  }

  /** Activations and gradients sent between pipeline stages over the step. */
  static double pointToPointSeconds(TrainingJob job, ParallelPlan plan) {
    int pp = plan.pipelineParallel();
    if (pp == 1) {
      return 0;
    }
    GptModel model = job.model();
    GpuCluster cluster = job.cluster();
    double bytes = BYTES_16_BIT * model.sequence() * plan.microBatch() * model.hidden() / plan.tensorParallel();
    // Ranks are laid out tensor-parallel first, then data-parallel, then pipeline (Megatron-LM's order): on more
    // than one node some stage boundary crosses nodes, and that link paces the schedule.
    boolean acrossNodes = cluster.gpus() > cluster.gpusPerNode();
    double bandwidth = acrossNodes ? cluster.interNodeBytesPerSecond() : cluster.intraNodeBytesPerSecond();
    double slots = (double) plan.virtualStages() * (plan.microBatches(job) + pp - 1);
    return 2 * slots * bytes / bandwidth;
  }

  /** The data-parallel communication left exposed. */
  static double dataParallelSeconds(TrainingJob job, ParallelPlan plan, double microBatchCompute) {
    GpuCluster cluster = job.cluster();
    int dp = plan.dataParallel(cluster);
    if (dp == 1) {
      return 0;
    }
    double params = MemoryModel.stageParameters(job.model(), plan, 0) / plan.tensorParallel();
    boolean withinNode = plan.tensorParallel() * dp <= cluster.gpusPerNode();
    double bandwidth = withinNode ? cluster.intraNodeBytesPerSecond() : cluster.interNodeBytesPerSecond();
    double share = (double) (dp - 1) / dp;
    // An all-reduce moves the data twice (reduce-scatter, all-gather); ZeRO-3 only reduce-scatters gradients.
    double gradients = (plan.zeroStage() == 3 ? 1 : 2) * share * BYTES_16_BIT * params / bandwidth;
    double backward = microBatchCompute * 2 / 3;
    double exposed = Math.max(0, gradients - backward);
    if (plan.zeroStage() == 3) {
      double gather = share * BYTES_16_BIT * params / bandwidth;
      exposed += plan.microBatches(job) * Math.max(0, 2 * gather - microBatchCompute);
    }
    return exposed;
  }
}
