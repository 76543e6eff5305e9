package dev.asap.loop;

import dev.asap.space.Config;

/** Runs trials for the loop: the real runner on threads, the simulated one on an event queue. */
interface TrialRunner extends AutoCloseable {

  void start(int number, int worker, Config config);

  /**
   * The result of a running trial if it is already known (the simulated runner evaluates at start and only
   * schedules the completion), else null.
   */
  default Double knownResult(int number) {
    return null;
  }

  /** Trials started and not yet returned by {@link #awaitNext}. */
  int running();

  /**
   * The next finished trial, or null when {@code deadline} (on the run's clock) comes first.
   */
  Completion awaitNext(double deadline) throws InterruptedException;

  /** Stops every running trial; they are returned by {@link #cancelAll} as FAILED with {@code reason}. */
  java.util.List<Completion> cancelAll(String reason);

  @Override
  void close();
}
