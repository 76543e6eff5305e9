package dev.asap.integrator;

import dev.asap.optimizer.History;
import dev.asap.optimizer.Optimizer;
import dev.asap.optimizer.Proposal;
import dev.asap.optimizer.Seeds;
import dev.asap.optimizer.UnseenConfigs;
import dev.asap.optimizer.feasibility.FeasibilityModel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * ASAP's integrated optimizer: every tool of the pool proposes, a judge picks one. The trial records the
 * chosen tool, the judge's reason and evidence, and a summary of the alternatives.
 */
public final class PoolOptimizer implements Optimizer, dev.asap.optimizer.CandidateScorer {
  private final String name;
  private final ToolPool pool;
  private final Judge judge;
  private final long seed;
  /** The proposal last returned and the tool that made it, for {@link #discard}. */
  private Proposal lastChosen;
  private Optimizer lastChooser;

  public PoolOptimizer(ToolPool pool, Judge judge, long seed) {
    this("asap", pool, judge, seed);
  }

  /** A pool that runs under another name (e.g. a baseline judge), so its trials say which one ran. */
  public PoolOptimizer(String name, ToolPool pool, Judge judge, long seed) {
    this.name = name;
    this.pool = pool;
    this.judge = judge;
    this.seed = seed;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Proposal propose(History history) {
    ToolPool.Round round;
    try {
      round = pool.propose(history, judge.slowToolsRetired());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while the pool was proposing", e);
    }
    List<String> skipped = new ArrayList<>();
    round = withoutExploredCells(round, history, skipped);
    List<Proposal> candidates = round.proposals();
    if (candidates.isEmpty()) {
      // Every tool failed this round: fall back to a fresh uniform sample rather than stop the study.
      Random r = Seeds.random(seed, history.size());
      return new Proposal(UnseenConfigs.orFresh(history, history.space().sample(r), r), "random", null, 0,
          Map.of("judge", judge.name(), "reason", "every tool failed: " + round.failures()));
    }
    long t0 = System.nanoTime();
    List<dev.asap.space.Config> configs = candidates.stream().map(Proposal::config).toList();
    FeasibilityModel feasibility = FeasibilityModel.of(history);
    Map<String, double[]> scores = scores(configs);
    double[] pFeasible = null;
    if (feasibility.learned()) {
      pFeasible = configs.stream().mapToDouble(feasibility::probability).toArray();
      if (scores.isEmpty() && feasibility.knowsAFeasibleConfig()) {
        // No model of the objective yet, but one of where configs run: rank by it (the models' scores
        // already include it once they exist).
        scores = Map.of("feasibility", java.util.Arrays.stream(pFeasible).map(Math::log).toArray());
      }
    }
    Verdict v = judge.choose(new Round(history, candidates, scores, pFeasible,
        candidates.stream().mapToDouble(Proposal::computeSeconds).toArray(), forecasts(configs, history)));
    double judgeSeconds = (System.nanoTime() - t0) / 1e9;
    Proposal chosen = candidates.get(v.index());
    // The tools whose proposals lost forget them; the winner's is forgotten too if the caller discards it.
    round.discardAllBut(v.index());
    lastChosen = chosen;
    lastChooser = round.proposers().get(v.index());
    Map<String, Object> notes = new LinkedHashMap<>();
    notes.put("judge", judge.name());
    notes.put("reason", v.reason());
    notes.put("evidence", withFeasibility(v.evidence(), candidates, pFeasible));
    notes.put("alternatives", alternatives(candidates, v.index()));
    notes.put("tool_seconds", toolSeconds(candidates));
    notes.put("pool_seconds", round.wallSeconds());
    notes.put("judge_seconds", judgeSeconds);
    if (!round.failures().isEmpty()) {
      notes.put("tool_failures", round.failures());
    }
    if (!skipped.isEmpty()) {
      notes.put("skipped_in_explored_cell", skipped);
    }
    return chosen.withNotes(notes);
  }

  /** A pool with every tool and the judge forked; its pending choice, if any, is its own tool's. */
  @Override
  public PoolOptimizer fork() {
    PoolOptimizer copy = new PoolOptimizer(name, pool.fork(), judge.fork(), seed);
    if (lastChooser != null) {
      copy.lastChosen = lastChosen;
      copy.lastChooser = copy.pool.tools().get(pool.tools().indexOf(lastChooser));
    }
    return copy;
  }

  @Override
  public void discard(Proposal proposal) {
    if (lastChooser != null) {
      lastChooser.discard(lastChosen);
      lastChooser = null;
      lastChosen = null;
    }
  }

  /**
   * The round without the proposals that fall in an explored cell of a piecewise-constant objective (see
   * {@link ExploredCells}), which are discarded and their tools added to {@code skipped}; unchanged when none or
   * all of them do, so the judge always has a candidate.
   */
  private static ToolPool.Round withoutExploredCells(ToolPool.Round round, History history, List<String> skipped) {
    ExploredCells cells = ExploredCells.of(history);
    if (cells.isEmpty()) {
      return round;
    }
    List<Proposal> kept = new ArrayList<>();
    List<Optimizer> keptTools = new ArrayList<>();
    List<Integer> dropped = new ArrayList<>();
    for (int i = 0; i < round.proposals().size(); i++) {
      if (cells.contains(round.proposals().get(i).config())) {
        dropped.add(i);
      } else {
        kept.add(round.proposals().get(i));
        keptTools.add(round.proposers().get(i));
      }
    }
    if (dropped.isEmpty() || kept.isEmpty()) {
      return round;
    }
    for (int i : dropped) {
      round.proposers().get(i).discard(round.proposals().get(i));
      skipped.add(round.proposals().get(i).tool());
    }
    return new ToolPool.Round(kept, keptTools, round.failures(), round.wallSeconds());
  }

  /** The judge's evidence plus each candidate's predicted P(feasible), by tool, once the study has learned it. */
  private static Map<String, Object> withFeasibility(Map<String, Object> evidence, List<Proposal> candidates,
      double[] pFeasible) {
    if (pFeasible == null) {
      return evidence;
    }
    Map<String, Object> out = new LinkedHashMap<>(evidence);
    Map<String, Object> byTool = new LinkedHashMap<>();
    for (int i = 0; i < pFeasible.length; i++) {
      byTool.put(candidates.get(i).tool(), Math.round(pFeasible[i] * 1e4) / 1e4);
    }
    out.put("p_feasible", byTool);
    return out;
  }

  /**
   * Scores configs under the pool's Gaussian process (the best calibrated expected improvement of its models),
   * else under the first tool whose model can (as fitted this round); null when none can yet.
   */
  @Override
  public double[] logExpectedImprovement(List<dev.asap.space.Config> configs) {
    Map<String, double[]> scores = scores(configs);
    return scores.containsKey("gp") ? scores.get("gp") : scores.values().stream().findFirst().orElse(null);
  }

  /** Every model's probability that each config lands among the study's best trials (see {@link ModelTrust}). */
  private Map<String, double[]> forecasts(List<dev.asap.space.Config> configs, History history) {
    double threshold = ModelTrust.threshold(history);
    Map<String, double[]> out = new LinkedHashMap<>();
    if (Double.isNaN(threshold)) {
      return out;
    }
    for (Optimizer tool : pool.tools()) {
      if (tool instanceof dev.asap.optimizer.CandidateScorer scorer) {
        double[] p = scorer.probabilityBelow(configs, threshold);
        if (p != null) {
          out.put(tool.name(), p);
        }
      }
    }
    return out;
  }

  /** Every config scored by every tool that can score (its model from this round), by tool name. */
  private Map<String, double[]> scores(List<dev.asap.space.Config> configs) {
    Map<String, double[]> scores = new LinkedHashMap<>();
    for (Optimizer tool : pool.tools()) {
      if (tool instanceof dev.asap.optimizer.CandidateScorer scorer) {
        double[] s = scorer.logExpectedImprovement(configs);
        if (s != null) {
          scores.put(tool.name(), s);
        }
      }
    }
    return scores;
  }

  private static List<Map<String, Object>> alternatives(List<Proposal> candidates, int chosen) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (int i = 0; i < candidates.size(); i++) {
      if (i == chosen) {
        continue;
      }
      Proposal p = candidates.get(i);
      Map<String, Object> alt = new LinkedHashMap<>();
      alt.put("tool", p.tool());
      if (p.prediction() != null) {
        alt.put("predicted_mean", p.prediction().mean());
        alt.put("predicted_spread", p.prediction().spread());
      }
      alt.put("config", p.config().values());
      out.add(alt);
    }
    return out;
  }

  private static Map<String, Object> toolSeconds(List<Proposal> candidates) {
    Map<String, Object> out = new LinkedHashMap<>();
    candidates.forEach(p -> out.put(p.tool(), p.computeSeconds()));
    return out;
  }
}
