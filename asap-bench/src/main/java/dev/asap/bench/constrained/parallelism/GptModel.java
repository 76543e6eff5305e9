package dev.asap.bench.constrained.parallelism;

/**
 * A GPT-style decoder-only transformer with a 4h feed-forward layer and tied input/output embeddings.
 *
 * @param sequence tokens per training sequence
 */
public record GptModel(String name, int layers, int hidden, int heads, int vocabulary, int sequence) {

  /** OPT-13B's shape (Zhang et al. 2022, "OPT: Open Pre-trained Transformer Language Models", table 1). */
  public static GptModel opt13b() {
    return new GptModel("13b", 40, 5120, 40, 50_272, 2048);
  }

  /** OPT-30B's shape (Zhang et al. 2022, table 1). */
  public static GptModel opt30b() {
    return new GptModel("30b", 48, 7168, 56, 50_272, 2048);
  }

  /** Weights of one layer, 12h², plus biases and layer norms, 13h (Narayanan et al. 2021, §5.1). */
  public double layerParameters() {
    return 12.0 * hidden * hidden + 13.0 * hidden;
  }

  /** Word and position embeddings. */
  public double embeddingParameters() {
    return ((double) vocabulary + sequence) * hidden;
  }

  public double parameters() {
    return layers * layerParameters() + embeddingParameters();
  }

  /**
   * FLOPs of one training step over {@code sequences} sequences. A layer's forward pass costs 24bsh² for its
   * matrix multiplications and 4bs²h for attention scores and their weighted sum, the output layer 2bshV; the
   * backward pass costs twice the forward. Recomputation adds the forward of what it recomputes: every layer
   * (full) or the attention core only (selective). Narayanan et al. 2021, §5.1; Korthikanti et al. 2022, §5.
   */
  public double trainingFlops(double sequences, Recomputation recomputation) {
    double tokens = sequences * sequence;
    double matmuls = 24.0 * tokens * hidden * hidden;
    double attention = 4.0 * tokens * sequence * hidden;
    double layerForward = matmuls + attention;
    double output = 2.0 * tokens * hidden * vocabulary;
    double recomputed = switch (recomputation) {
      case NONE -> 0;
      case SELECTIVE -> layers * attention;
      case FULL -> layers * layerForward;
    };
    return 3 * (layers * layerForward + output) + recomputed;
  }
}
