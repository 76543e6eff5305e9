package dev.asap.bench.constrained.parallelism;

/**
 * How one training job is split over the GPUs: Megatron-LM's tensor, pipeline (optionally interleaved) and
 * sequence parallelism, DeepSpeed ZeRO's sharding of the data-parallel replicas, the micro-batch and activation
 * recomputation.
 *
 * @param tensorParallel   GPUs sharing each layer's matrices
 * @param pipelineParallel pipeline stages
 * @param microBatch       sequences per micro-batch
 * @param zeroStage        0: replicas hold everything; 1: optimizer states sharded; 2: and gradients; 3: and
 *                         parameters (Rajbhandari et al. 2020)
 * @param sequenceParallel layer norms and dropouts split along the sequence over the tensor-parallel group
 * @param virtualStages    model chunks per pipeline stage (the interleaved schedule when above 1)
 */
public record ParallelPlan(int tensorParallel, int pipelineParallel, int microBatch, Recomputation recomputation,
    int zeroStage, boolean sequenceParallel, int virtualStages) {

  /** Data-parallel replicas; 0 when tensor × pipeline does not divide the GPUs. */
  public int dataParallel(GpuCluster cluster) {
    int modelParallel = tensorParallel * pipelineParallel;
    return cluster.gpus() % modelParallel == 0 ? cluster.gpus() / modelParallel : 0;
  }

  /** Micro-batches each pipeline runs per step. */
  public int microBatches(TrainingJob job) {
    return job.globalBatch() / (microBatch * dataParallel(job.cluster()));
  }

  public boolean interleaved() {
    return virtualStages > 1;
  }
}
