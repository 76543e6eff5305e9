package dev.asap.loop;

import dev.asap.store.StudyStore.Outcome;
import dev.asap.study.Owner;
import dev.asap.study.Study;
import dev.asap.study.Trial;
import dev.asap.study.TrialState;
import java.util.List;
import java.util.Map;

/**
 * Marks as failed the trials that a dead process left RUNNING, so a resumed study neither waits for them
 * nor counts them. A trial is dead when its owner is a process of this host that no longer exists, or when
 * its heartbeat is older than {@code staleAfterSeconds} (owners on other hosts).
 */
public final class OrphanRecovery {
  private OrphanRecovery() {}

  /** @return the number of trials marked failed */
  public static int recover(Study study, List<Trial> trials, double staleAfterSeconds) {
    double now = System.currentTimeMillis() / 1e3;
    int recovered = 0;
    for (Trial t : trials) {
      if (t.state() != TrialState.RUNNING || Owner.current().equals(t.owner())) {
        continue;
      }
      String reason = null;
      if (Owner.isDeadLocalProcess(t.owner())) {
        reason = "interrupted: the process that ran it (" + t.owner() + ") ended without finishing it"
            + " (killed or crashed)";
      } else if (now - t.heartbeat() > staleAfterSeconds) {
        reason = "interrupted: no heartbeat from " + t.owner() + " for " + Math.round(now - t.heartbeat()) + "s";
      }
      if (reason != null && study.finish(t.number(), new Outcome(TrialState.FAILED, null, reason, 0, 0, t.start(),
          Map.of("interrupted", true)))) {
        recovered++;
      }
    }
    return recovered;
  }

  /** True for trials that ended because a run was interrupted; they do not count against a trial budget. */
  public static boolean wasInterrupted(Trial t) {
    return t.wasInterrupted();
  }
}
