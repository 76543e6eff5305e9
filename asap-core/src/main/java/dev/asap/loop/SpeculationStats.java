package dev.asap.loop;

import java.util.ArrayList;
import java.util.List;

/**
 * What speculation did in a run: prepared picks accepted, rejected (the real result was too far from the
 * prediction) or missed (another trial finished first, or the run stopped), proposal seconds hidden under
 * evaluations and seconds still paid, how often a sampled accepted pick equals what the serial path would
 * have chosen, and the threshold τ over time.
 */
public final class SpeculationStats {
  int accepted;
  int rejected;
  int missed;
  double hiddenSeconds;
  double paidSeconds;
  double wastedSeconds;
  int sampled;
  int equalToSerial;
  final List<double[]> tauHistory = new ArrayList<>();

  public int accepted() {
    return accepted;
  }

  public int rejected() {
    return rejected;
  }

  public int missed() {
    return missed;
  }

  /** Proposal seconds that ran while an evaluation ran and so cost no wall-clock. */
  public double hiddenSeconds() {
    return hiddenSeconds;
  }

  /** Speculative proposal seconds still waited for after the evaluation ended. */
  public double paidSeconds() {
    return paidSeconds;
  }

  /** Seconds spent on picks that were rejected or missed (off the critical path). */
  public double wastedSeconds() {
    return wastedSeconds;
  }

  public int sampled() {
    return sampled;
  }

  public int equalToSerial() {
    return equalToSerial;
  }

  /** (resolved speculations so far, τ) each time the self-tuner moved τ, starting with the initial value. */
  public List<double[]> tauHistory() {
    return List.copyOf(tauHistory);
  }

  public double acceptRate() {
    int decided = accepted + rejected;
    return decided == 0 ? 0 : accepted / (double) decided;
  }
}
