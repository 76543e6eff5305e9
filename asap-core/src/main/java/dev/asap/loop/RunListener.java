package dev.asap.loop;

import dev.asap.trial.Trial;

/** Hooks on the run's events, for progress display and trial logs. Called on the loop's thread. */
public interface RunListener {

  default void runStarted(RunStart start) {}

  default void trialStarted(Trial trial) {}

  /** {@code best} is the best complete trial of the study so far, or null. */
  default void trialFinished(Trial trial, Trial best) {}

  default void runFinished(RunReport report) {}

  /** What the run starts from. */
  record RunStart(String study, int existingTrials, int recoveredTrials, double clockStart) {}

  static RunListener all(java.util.List<RunListener> listeners) {
    return new RunListener() {
      @Override
      public void runStarted(RunStart start) {
        listeners.forEach(l -> l.runStarted(start));
      }

      @Override
      public void trialStarted(Trial trial) {
        listeners.forEach(l -> l.trialStarted(trial));
      }

      @Override
      public void trialFinished(Trial trial, Trial best) {
        listeners.forEach(l -> l.trialFinished(trial, best));
      }

      @Override
      public void runFinished(RunReport report) {
        listeners.forEach(l -> l.runFinished(report));
      }
    };
  }
}
