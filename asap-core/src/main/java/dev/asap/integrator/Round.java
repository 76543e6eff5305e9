package dev.asap.integrator;

import dev.asap.optimizer.History;
import dev.asap.optimizer.Proposal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything a judge gets to decide one round, the same for every judge and every wrapper around one.
 *
 * @param history    the study so far
 * @param candidates the pool's proposals, never empty; a verdict's index points into it
 * @param scores     every model's score of every candidate (scoring tool → log-EI per candidate, higher is
 *                   better), empty while no model can score
 * @param pFeasible  each candidate's predicted probability of being feasible, or null while the study has not
 *                   learned where configs run
 * @param toolSeconds how long each candidate's tool took to propose it, same order as the candidates
 * @param pGood      every model's forecast that each candidate lands among the study's best trials (scoring
 *                   tool → probability per candidate; see {@link ModelTrust}), empty while no model can say
 */
public record Round(History history, List<Proposal> candidates, Map<String, double[]> scores, double[] pFeasible,
    double[] toolSeconds, Map<String, double[]> pGood) {
  public Round {
    Objects.requireNonNull(history, "history");
    candidates = List.copyOf(candidates);
    if (candidates.isEmpty()) {
      throw new IllegalArgumentException("a round needs at least one candidate");
    }
    scores = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(scores));
    for (Map.Entry<String, double[]> s : scores.entrySet()) {
      requireLength(s.getValue(), candidates.size(), "scores of " + s.getKey());
    }
    if (pFeasible != null) {
      requireLength(pFeasible, candidates.size(), "pFeasible");
    }
    requireLength(toolSeconds, candidates.size(), "toolSeconds");
    pGood = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(pGood));
    for (Map.Entry<String, double[]> p : pGood.entrySet()) {
      requireLength(p.getValue(), candidates.size(), "pGood of " + p.getKey());
    }
  }

  /** A round with model scores but no forecasts of which candidates land among the best. */
  public Round(History history, List<Proposal> candidates, Map<String, double[]> scores, double[] pFeasible,
      double[] toolSeconds) {
    this(history, candidates, scores, pFeasible, toolSeconds, Map.of());
  }

  /** A round with nothing but the candidates (no model scores, no feasibility, no timings). */
  public static Round of(History history, List<Proposal> candidates) {
    double[] seconds = candidates.stream().mapToDouble(Proposal::computeSeconds).toArray();
    return new Round(history, candidates, Map.of(), null, seconds);
  }

  /** The same round with other scores (e.g. a judge that ranks by feasibility before any model can score). */
  public Round withScores(Map<String, double[]> other) {
    return new Round(history, candidates, other, pFeasible, toolSeconds, pGood);
  }

  private static void requireLength(double[] values, int n, String what) {
    if (values == null || values.length != n) {
      throw new IllegalArgumentException(what + " must have one value per candidate (" + n + ")");
    }
  }
}
