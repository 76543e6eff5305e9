package dev.asap.optimizer.feasibility;

import dev.asap.optimizer.CandidateScorer;
import dev.asap.optimizer.History;
import dev.asap.optimizer.Optimizer;
import dev.asap.optimizer.Proposal;
import dev.asap.optimizer.Seeds;
import dev.asap.optimizer.UnseenConfigs;
import dev.asap.optimizer.local.MixedDistance;
import dev.asap.space.Config;
import dev.asap.space.SearchSpace;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Makes any tool honour the space's declared constraints. A proposal that violates one is asked for again
 * (a stochastic tool draws anew), and after {@link #RETRIES} tries it is replaced by the satisfying unseen
 * config nearest to the tool's last proposal among uniform draws, so the tool's intent survives where it can.
 * The trial notes which constraint the tool's own proposal broke.
 */
public final class ConstraintGuard implements Optimizer, CandidateScorer {
  static final int RETRIES = 3;
  /** Satisfying draws screened for the nearest replacement. */
  static final int REPAIR_DRAWS = 256;

  private final Optimizer tool;
  private final SearchSpace space;
  private final MixedDistance distance;
  private final long seed;
  /** The tool's proposal behind the last one this guard returned, to discard it if asked. */
  private Proposal lastFromTool;

  private ConstraintGuard(Optimizer tool, SearchSpace space, long seed) {
    this(tool, space, new MixedDistance(space), seed);
  }

  private ConstraintGuard(Optimizer tool, SearchSpace space, MixedDistance distance, long seed) {
    this.tool = tool;
    this.space = space;
    this.distance = distance;
    this.seed = seed;
  }

  /** {@code tool} itself when the space declares no constraints, else the tool behind a guard. */
  public static Optimizer around(Optimizer tool, SearchSpace space, long seed) {
    return space.hasConstraints() ? new ConstraintGuard(tool, space, seed) : tool;
  }

  @Override
  public String name() {
    return tool.name();
  }

  /** A guard around a fork of the tool, remembering the same last proposal (a discard then reaches the fork's). */
  @Override
  public Optimizer fork() {
    ConstraintGuard copy = new ConstraintGuard(tool.fork(), space, distance, seed);
    copy.lastFromTool = lastFromTool;
    return copy;
  }

  @Override
  public boolean predicts() {
    return tool.predicts();
  }

  @Override
  public Proposal propose(History history) {
    Proposal p = tool.propose(history);
    List<Proposal> unused = new ArrayList<>();
    for (int i = 0; i < RETRIES && !space.satisfies(p.config()); i++) {
      Proposal again = tool.propose(history);
      if (again.config().equals(p.config())) {
        break; // a deterministic tool answers the same: asking again is no use
      }
      unused.add(p);
      p = again;
    }
    for (int i = unused.size() - 1; i >= 0; i--) {
      tool.discard(unused.get(i));
    }
    lastFromTool = p;
    var broken = space.violated(p.config());
    if (broken.isEmpty()) {
      return p;
    }
    Config repaired = nearestSatisfying(history, p.config(), Seeds.random(seed, history.size()));
    return new Proposal(repaired, p.tool(), null, p.computeSeconds(), p.notes())
        .withNotes(Map.of("constraint_repair", "the tool proposed " + p.config().values() + ", which violates '"
            + broken.get().text() + "'; the nearest satisfying config was taken instead"));
  }

  private Config nearestSatisfying(History history, Config target, Random random) {
    double[] x = space.encode(target);
    Config best = null;
    double bestDistance = Double.POSITIVE_INFINITY;
    for (int i = 0; i < REPAIR_DRAWS; i++) {
      Config c = space.sample(random);
      if (history.contains(c)) {
        continue;
      }
      double d = distance.squared(x, space.encode(c));
      if (d < bestDistance) {
        best = c;
        bestDistance = d;
      }
    }
    return best != null ? best : UnseenConfigs.orFresh(history, space.sample(random), random);
  }

  /** Discards the tool's own proposal behind {@code proposal} (which may be a repair of it). */
  @Override
  public void discard(Proposal proposal) {
    if (lastFromTool != null) {
      tool.discard(lastFromTool);
      lastFromTool = null;
    }
  }

  @Override
  public double[] logExpectedImprovement(List<Config> configs) {
    return tool instanceof CandidateScorer scorer ? scorer.logExpectedImprovement(configs) : null;
  }

  @Override
  public double[] probabilityBelow(List<Config> configs, double threshold) {
    return tool instanceof CandidateScorer scorer ? scorer.probabilityBelow(configs, threshold) : null;
  }

  /** The guarded tool (for callers that need its own type). */
  public Optimizer tool() {
    return tool;
  }
}
