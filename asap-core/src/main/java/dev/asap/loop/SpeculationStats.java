package dev.asap.loop;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What speculation did in a run: prepared picks accepted, rejected (the real result was too far from the
 * prediction) or missed (another trial finished first, or the run stopped), proposal seconds hidden under
 * evaluations and seconds still paid, how often a sampled accepted pick is identical or equivalent to what the
 * serial path would have chosen, and the threshold τ over time; and for each candidate predictor of the
 * running trial's value, how many speculations used it and its errors on the results.
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
  int equivalentToSerial;
  final List<double[]> tauHistory = new ArrayList<>();
  private String decision;
  private final Map<String, Integer> predictorUses = new LinkedHashMap<>();
  private final Map<String, List<Double>> predictorErrors = new LinkedHashMap<>();

  /** How a candidate predictor did: speculations prepared under it, and its relative errors on results. */
  public record PredictorRecord(int used, List<Double> relativeErrors) {
    public PredictorRecord {
      relativeErrors = List.copyOf(relativeErrors);
    }

    /** The median relative error, NaN when it was never scored. */
    public double medianError() {
      double[] sorted = relativeErrors.stream().mapToDouble(Double::doubleValue).sorted().toArray();
      return sorted.length == 0 ? Double.NaN : sorted[sorted.length / 2];
    }
  }

  SpeculationStats() {
    for (CandidatePredictor p : CandidatePredictor.values()) {
      predictorUses.put(p.label(), 0);
      predictorErrors.put(p.label(), new ArrayList<>());
    }
  }

  void used(String predictor) {
    predictorUses.merge(predictor, 1, Integer::sum);
  }

  void scored(String predictor, double relativeError) {
    predictorErrors.get(predictor).add(relativeError);
  }

  /** Records what auto mode decided (null when speculation was simply on); returns this. */
  SpeculationStats decided(String decision) {
    this.decision = decision;
    return this;
  }

  /** What auto mode decided and why, or null when speculation was switched on outright. */
  public String decision() {
    return decision;
  }

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

  /** Sampled accepted picks whose config is identical to the serial choice. */
  public int equalToSerial() {
    return equalToSerial;
  }

  /** Sampled accepted picks equivalent to the serial choice (same tool and structure, close coordinates). */
  public int equivalentToSerial() {
    return equivalentToSerial;
  }

  /** By candidate predictor, in order of preference: how it was used and how close it came. */
  public Map<String, PredictorRecord> predictors() {
    Map<String, PredictorRecord> out = new LinkedHashMap<>();
    predictorUses.forEach((name, used) -> out.put(name, new PredictorRecord(used,
        predictorErrors.getOrDefault(name, List.of()))));
    return out;
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
