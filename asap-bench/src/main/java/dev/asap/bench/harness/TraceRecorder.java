package dev.asap.bench.harness;

import dev.asap.loop.RunListener;
import dev.asap.trial.Direction;
import dev.asap.trial.Trial;
import dev.asap.trial.TrialState;
import java.util.Arrays;

/**
 * Keeps each finished trial's end (from the run's start), loss and whether it was infeasible, for regret curves.
 * Failed and infeasible trials have no loss, so the best so far ignores them. Trials cancelled when the budget
 * ran out never finished, so they are only counted.
 */
final class TraceRecorder implements RunListener {
  private final Direction direction;
  private double clockStart;
  private double[] ends = new double[64];
  private double[] losses = new double[64];
  private boolean[] infeasible = new boolean[64];
  private int size;
  private int interrupted;

  TraceRecorder(Direction direction) {
    this.direction = direction;
  }

  @Override
  public void runStarted(RunStart start) {
    clockStart = start.clockStart();
  }

  @Override
  public void trialFinished(Trial trial, Trial best) {
    if (trial.wasInterrupted()) {
      interrupted++;
      return;
    }
    if (size == ends.length) {
      ends = Arrays.copyOf(ends, size * 2);
      losses = Arrays.copyOf(losses, size * 2);
      infeasible = Arrays.copyOf(infeasible, size * 2);
    }
    ends[size] = trial.end() - clockStart;
    losses[size] = trial.isComplete() ? direction.toLoss(trial.value()) : Double.NaN;
    infeasible[size] = trial.state() == TrialState.INFEASIBLE;
    size++;
  }

  double[] ends() {
    return Arrays.copyOf(ends, size);
  }

  int interrupted() {
    return interrupted;
  }

  double[] losses() {
    return Arrays.copyOf(losses, size);
  }

  boolean[] infeasible() {
    return Arrays.copyOf(infeasible, size);
  }
}
