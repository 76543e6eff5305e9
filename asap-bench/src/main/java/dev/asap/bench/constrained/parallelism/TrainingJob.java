package dev.asap.bench.constrained.parallelism;

/**
 * What is fixed before the parallelism is chosen: the model, the cluster and the global batch.
 *
 * @param globalBatch sequences per optimizer step
 */
public record TrainingJob(GptModel model, GpuCluster cluster, int globalBatch) {}
