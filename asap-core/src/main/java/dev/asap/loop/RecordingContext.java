package dev.asap.loop;

import dev.asap.objective.TrialContext;
import dev.asap.study.Study;
import java.util.Collections;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The context a running trial reports through: intermediate values go to the study, the last one is kept as
 * the value of a trial that gets pruned, and {@link #shouldStop()} asks the scheduler's stop rule.
 */
final class RecordingContext implements TrialContext {
  private final Study study;
  private final int number;
  private final StopRule stopRule;
  /** The reports the scheduler sees: steps in increasing order (a step that went back is only stored). */
  private final ConcurrentSkipListMap<Long, Double> reports = new ConcurrentSkipListMap<>();
  private volatile String stopReason;
  private volatile String backwards;

  RecordingContext(Study study, int number, StopRule stopRule) {
    this.study = study;
    this.number = number;
    this.stopRule = stopRule;
  }

  @Override
  public int trialNumber() {
    return number;
  }

  @Override
  public void report(long step, double value) {
    Long lastStep = reports.isEmpty() ? null : reports.lastKey();
    if (lastStep != null && step <= lastStep) {
      // Stored as told, but a scheduler compares trials step by step and cannot use a step that went back.
      if (backwards == null) {
        backwards = "step " + step + " was reported after step " + lastStep + "; the scheduler ignores steps that"
            + " do not increase (report a running count such as the epoch)";
      }
      study.report(number, step, value);
      return;
    }
    reports.put(step, value);
    study.report(number, step, value);
  }

  /** Why some reports were ignored by the scheduler, or null. */
  String stepWarning() {
    return backwards;
  }

  @Override
  public boolean shouldStop() {
    if (stopReason == null && !reports.isEmpty()) {
      Optional<String> why = stopRule.check(number, Collections.unmodifiableSortedMap(reports));
      why.ifPresent(reason -> stopReason = reason);
    }
    return stopReason != null;
  }

  /** The value at the last step, or null. */
  Double lastReported() {
    var last = reports.lastEntry();
    return last == null ? null : last.getValue();
  }

  /** The last step reported, or null. */
  Long lastStep() {
    var last = reports.lastEntry();
    return last == null ? null : last.getKey();
  }

  /** Why the scheduler asked this trial to stop, or null if it did not. */
  String stopReason() {
    return stopReason;
  }
}
