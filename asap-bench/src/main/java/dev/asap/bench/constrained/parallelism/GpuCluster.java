package dev.asap.bench.constrained.parallelism;

/**
 * The machines a model is trained on.
 *
 * @param gpus                    GPUs in the job
 * @param gpusPerNode             GPUs sharing a node's NVLink/NVSwitch fabric
 * @param memoryBytes             memory of one GPU
 * @param peakFlops               dense 16-bit tensor-core peak of one GPU, FLOP/s
 * @param intraNodeBytesPerSecond NVLink bandwidth of one GPU, one direction
 * @param interNodeBytesPerSecond InfiniBand bandwidth per GPU, one direction
 */
public record GpuCluster(int gpus, int gpusPerNode, double memoryBytes, double peakFlops,
    double intraNodeBytesPerSecond, double interNodeBytesPerSecond) {
  public static final double GIB = 1L << 30;

  public GpuCluster {
    if (gpus < 1 || gpusPerNode < 1 || gpus % gpusPerNode != 0) {
      throw new IllegalArgumentException("a cluster needs whole nodes (got " + gpus + " GPUs, " + gpusPerNode
          + " per node)");
    }
  }

  /**
   * DGX A100 nodes: 8 A100 80 GB SXM GPUs (312 TFLOP/s bf16, NVLink 3 at 300 GB/s per direction) and eight
   * 200 Gb/s HDR InfiniBand adapters, 25 GB/s per GPU (NVIDIA A100 and DGX A100 data sheets).
   */
  public static GpuCluster dgxA100(int nodes) {
    return new GpuCluster(8 * nodes, 8, 80 * GIB, 312e12, 300e9, 25e9);
  }
}
