package dev.asap.optimizer.tpe;

/**
 * TPE's constants. {@link #defaults()} are Optuna's TPESampler defaults: 10 startup trials, 24 expected
 * improvement candidates, prior weight 1.0, and the constant liar switched on as with
 * {@code constant_liar=True}.
 *
 * @param startupTrials finished trials sampled space-fillingly before the model takes over
 * @param candidates    points drawn from l(x) per group, of which the best by l(x)/g(x) is proposed
 * @param priorWeight   weight of the prior kernel relative to one observation
 * @param constantLiar  whether pending trials count as bad observations, so parallel workers spread out
 */
public record TpeSettings(int startupTrials, int candidates, double priorWeight, boolean constantLiar) {

  public TpeSettings {
    if (startupTrials < 0 || candidates < 1 || !(priorWeight > 0)) {
      throw new IllegalArgumentException("TPE needs startupTrials >= 0, candidates >= 1 and priorWeight > 0, got "
          + startupTrials + ", " + candidates + ", " + priorWeight);
    }
  }

  public static TpeSettings defaults() {
    return new TpeSettings(10, 24, 1.0, true);
  }

  public TpeSettings withConstantLiar(boolean on) {
    return new TpeSettings(startupTrials, candidates, priorWeight, on);
  }
}
