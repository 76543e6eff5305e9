package dev.asap.loop;

import dev.asap.store.StudyStore.Outcome;
import dev.asap.trial.Owner;
import dev.asap.study.Study;
import dev.asap.trial.Trial;
import dev.asap.trial.TrialState;
import java.util.List;
import java.util.Map;

/**
 * Marks as interrupted the trials that a dead process left RUNNING, so a resumed study neither waits for them
 * nor counts them. A trial is dead when its owner is a process of this host that no longer exists, or when
 * its heartbeat is older than {@code staleAfterSeconds} (owners on other hosts).
 */
public final class OrphanRecovery {
  private OrphanRecovery() {}

  /**
   * Marks this process's RUNNING trials of the study as interrupted at once, for an emergency stop that
   * cannot wait for the run loop.
   *
   * @return the number of trials marked
   */
  public static int interruptOwn(Study study, String reason) {
    int marked = 0;
    double now = System.currentTimeMillis() / 1e3;
    for (Trial t : study.trials()) {
      if (t.state() == TrialState.RUNNING && Owner.current().equals(t.owner())
          && study.finish(t.number(), new Outcome(TrialState.INTERRUPTED, null, reason, 0, 0, now, Map.of()))) {
        marked++;
      }
    }
    return marked;
  }

  /** @return the number of trials marked interrupted */
  public static int recover(Study study, List<Trial> trials, double staleAfterSeconds) {
    double now = System.currentTimeMillis() / 1e3;
    int recovered = 0;
    for (Trial t : trials) {
      if (t.state() != TrialState.RUNNING || Owner.current().equals(t.owner())) {
        continue;
      }
      String reason = null;
      if (Owner.isDeadLocalProcess(t.owner())) {
        reason = "the process that ran it (" + t.owner() + ") ended without finishing it"
            + " (killed or crashed)";
      } else if (now - t.heartbeat() > staleAfterSeconds) {
        reason = "no heartbeat from " + t.owner() + " for " + Math.round(now - t.heartbeat()) + "s";
      }
      // It ran at least until its last heartbeat, when both are epoch times (a simulated run's are not).
      boolean epochTimes = dev.asap.clock.Clock.isWallTime(t.start()) && t.heartbeat() >= t.start();
      double ran = epochTimes ? t.heartbeat() - t.start() : 0;
      if (reason != null && study.finish(t.number(), new Outcome(TrialState.INTERRUPTED, null, reason, ran, 0,
          t.start() + ran, Map.of()))) {
        recovered++;
      }
    }
    return recovered;
  }
}
