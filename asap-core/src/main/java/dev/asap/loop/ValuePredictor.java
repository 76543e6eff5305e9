package dev.asap.loop;

import dev.asap.trial.Direction;
import dev.asap.trial.Trial;
import java.util.BitSet;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The value a running trial is expected to return, for speculation, from whichever
 * {@link CandidatePredictor} has been closest on the study's recent results.
 *
 * <p>Each finished result is scored against what every candidate would have predicted just before it
 * arrived (relative error |y − ŷ| / max(|y|, ε)); the next speculation uses the candidate with the lowest
 * median error over its last {@link RecentErrors#WINDOW} scores. A candidate needs {@link #MIN_SCORES}
 * scores to be chosen; until one has them, the candidates' declared order decides. Results are taken in
 * once each, when the next speculation is prepared (while the target trial runs, so off the critical path):
 * a constant number of predictions and one O(log n) update per result, and a scan of the trial list from
 * the oldest trial not yet finished.
 */
final class ValuePredictor {
  static final double EPSILON = 1e-12;
  static final int MIN_SCORES = 3;

  private final SpeculationStats stats;
  private final CompletedValues values = new CompletedValues();
  private final Map<CandidatePredictor, RecentErrors> recent = new EnumMap<>(CandidatePredictor.class);
  private final BitSet takenIn = new BitSet();
  /** Every trial numbered below this is finished and taken in. */
  private int firstOpen;

  /** A predicted value and the candidate that predicted it. */
  /** A prediction and the predictor that made it; null for a result known exactly (a measurement run). */
  record Choice(CandidatePredictor predictor, double value) {
    String label() {
      return predictor == null ? "exact" : predictor.label();
    }
  }

  ValuePredictor(SpeculationStats stats) {
    this.stats = stats;
    for (CandidatePredictor p : CandidatePredictor.values()) {
      recent.put(p, new RecentErrors());
    }
  }

  static double relativeError(double actual, double predicted) {
    return Math.abs(actual - predicted) / Math.max(Math.abs(actual), EPSILON);
  }

  /**
   * Takes in the results of {@code trials} not seen yet, then predicts {@code running}'s value; null when no
   * candidate has anything to go on.
   */
  Choice predict(Trial running, List<Trial> trials, Direction direction) {
    takeIn(trials, direction);
    Choice fallback = null;
    Choice best = null;
    double bestError = Double.POSITIVE_INFINITY;
    for (CandidatePredictor p : CandidatePredictor.values()) {
      double v = p.predict(running, values, direction);
      if (Double.isNaN(v)) {
        continue;
      }
      if (fallback == null) {
        fallback = new Choice(p, v);
      }
      RecentErrors errors = recent.get(p);
      if (errors.size() >= MIN_SCORES && errors.median() < bestError) {
        best = new Choice(p, v);
        bestError = errors.median();
      }
    }
    return best != null ? best : fallback;
  }

  private void takeIn(List<Trial> trials, Direction direction) {
    // Trial numbers are positions in the list; those still running are taken in on a later call.
    for (int i = firstOpen; i < trials.size(); i++) {
      Trial t = trials.get(i);
      if (!t.state().isFinished() || takenIn.get(i)) {
        continue;
      }
      takenIn.set(i);
      if (t.isComplete() && t.value() != null && Double.isFinite(t.value())) {
        score(t, direction);
        values.add(t.value());
      }
    }
    firstOpen = takenIn.nextClearBit(firstOpen);
  }

  private void score(Trial finished, Direction direction) {
    for (CandidatePredictor p : CandidatePredictor.values()) {
      double v = p.predict(finished, values, direction);
      if (!Double.isNaN(v)) {
        double error = relativeError(finished.value(), v);
        recent.get(p).add(error);
        stats.scored(p.label(), error);
      }
    }
  }
}
