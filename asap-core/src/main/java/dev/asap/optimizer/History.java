package dev.asap.optimizer;

import dev.asap.space.Config;
import dev.asap.space.SearchSpace;
import dev.asap.trial.Direction;
import dev.asap.trial.Trial;
import dev.asap.trial.TrialState;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What an optimizer sees: the space, the direction and every trial so far. Losses are the objective
 * turned into a quantity to minimise, so optimizers never look at the direction themselves.
 */
public final class History {
  private final SearchSpace space;
  private final Direction direction;
  private final List<Trial> trials;
  private final List<Trial> completed;
  private final List<Trial> pending;
  private final List<Trial> infeasible;
  private final Set<Config> seen;

  public History(SearchSpace space, Direction direction, List<Trial> trials) {
    this.space = space;
    this.direction = direction;
    this.trials = List.copyOf(trials);
    List<Trial> done = new ArrayList<>();
    List<Trial> running = new ArrayList<>();
    List<Trial> cannotRun = new ArrayList<>();
    Set<Config> configs = new HashSet<>();
    for (Trial t : trials) {
      if (t.state() == TrialState.COMPLETE) {
        done.add(t);
      } else if (t.state() == TrialState.RUNNING) {
        running.add(t);
      } else if (t.state() == TrialState.INFEASIBLE) {
        cannotRun.add(t);
      }
      configs.add(t.config());
    }
    this.completed = List.copyOf(done);
    this.pending = List.copyOf(running);
    this.infeasible = List.copyOf(cannotRun);
    this.seen = Set.copyOf(configs);
  }

  public SearchSpace space() {
    return space;
  }

  public Direction direction() {
    return direction;
  }

  /** All trials in number order, whatever their state. */
  public List<Trial> trials() {
    return trials;
  }

  public List<Trial> completed() {
    return completed;
  }

  /** Trials whose config the objective reported as infeasible: where not to look. */
  public List<Trial> infeasible() {
    return infeasible;
  }

  /**
   * Trials that were evaluated, whatever the outcome, except runs that were interrupted: what an initial
   * design counts, so that a space where most configs are infeasible still leaves it.
   */
  public int evaluatedCount() {
    int n = 0;
    for (Trial t : trials) {
      if (t.state().isFinished() && !t.wasInterrupted()) {
        n++;
      }
    }
    return n;
  }

  /** Trials still being evaluated: propose something else (constant liar, fantasies, ...). */
  public List<Trial> pending() {
    return pending;
  }

  public double loss(Trial completedTrial) {
    return direction.toLoss(completedTrial.value());
  }

  /** True when {@code config} was already tried (in any state) or is running. */
  public boolean contains(Config config) {
    return seen.contains(config);
  }

  /** Number of trials of any state: a seeded tool uses it to stay reproducible across resumes. */
  public int size() {
    return trials.size();
  }

  /**
   * The history as it would be if the running trial {@code number} had completed with {@code value}, now
   * (after every trial that has ended): what speculation proposes on while that trial is still evaluated.
   */
  public History assuming(int number, double value) {
    double now = Double.NEGATIVE_INFINITY;
    for (Trial t : trials) {
      now = Math.max(now, Double.isFinite(t.end()) ? t.end() : t.start());
    }
    List<Trial> copy = new ArrayList<>(trials.size());
    boolean found = false;
    for (Trial t : trials) {
      if (t.number() == number && t.state() == TrialState.RUNNING) {
        found = true;
        copy.add(new Trial(t.number(), t.config(), TrialState.COMPLETE, value, null, t.tool(), t.worker(), t.owner(),
            t.intermediate(), t.timings(), t.start(), now, t.heartbeat(), t.attributes()));
      } else {
        copy.add(t);
      }
    }
    if (!found) {
      throw new IllegalArgumentException("trial " + number + " is not running in this history");
    }
    return new History(space, direction, copy);
  }
}
