package dev.asap.loop;

/**
 * Moves the speculation threshold τ from the run's own counts, every {@link #PERIOD} resolved speculations.
 * The rule: when sampled accepted picks often differ from what the serial path would have chosen (fewer than
 * 75 % equivalent, see {@link PickEquivalence}), τ is too loose: shrink it by 0.7. When picks agree (90 % or
 * more) but fewer than half of the speculations are accepted, τ is stricter than it needs to be: grow it by
 * 1.4. τ stays in [0.005, 1]. Agreement is judged by equivalence, not identity: model-based tools almost
 * never repeat a continuous config bit for bit, and counting that as disagreement would drive τ to its floor.
 * It is a few arithmetic operations on counters, applied between rounds, so it never holds a round up.
 */
final class SelfTuner {
  static final int PERIOD = 8;
  static final double MIN_TAU = 0.005;
  static final double MAX_TAU = 1.0;
  private volatile double tau;
  private int lastDecided;

  SelfTuner(double initialTau) {
    this.tau = initialTau;
  }

  double tau() {
    return tau;
  }

  /** Looks at the counts and moves τ when a period has passed; records every move in the stats. */
  synchronized void observe(SpeculationStats stats) {
    int decided = stats.accepted + stats.rejected;
    if (stats.tauHistory.isEmpty()) {
      stats.tauHistory.add(new double[] {0, tau});
    }
    if (decided - lastDecided < PERIOD) {
      return;
    }
    lastDecided = decided;
    double agreeRate = stats.sampled == 0 ? 1 : stats.equivalentToSerial / (double) stats.sampled;
    double next = tau;
    if (stats.sampled >= 2 && agreeRate < 0.75) {
      next = Math.max(MIN_TAU, tau * 0.7);
    } else if (agreeRate >= 0.9 && stats.acceptRate() < 0.5) {
      next = Math.min(MAX_TAU, tau * 1.4);
    }
    if (next != tau) {
      tau = next;
      stats.tauHistory.add(new double[] {decided, tau});
    }
  }
}
