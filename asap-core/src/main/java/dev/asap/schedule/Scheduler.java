package dev.asap.schedule;

import dev.asap.optimizer.History;
import dev.asap.trial.Trial;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;

/**
 * Decides how much budget each evaluation gets: which fidelity a new config starts at, which earlier config
 * is promoted to a higher fidelity, and which running trial stops early. Every decision is a function of the
 * study's trials (their states, values, reports and the scheduling attributes of {@link Rungs}), so a study
 * resumed by another process goes on where it stood.
 */
public interface Scheduler {

  /** As written in a study file or on the command line, e.g. {@code asha}. */
  String name();

  /** The study's fidelity, or null for a scheduler that only stops trials on their reported steps. */
  Fidelity fidelity();

  /** What the next free worker runs, given every trial of the study. */
  Assignment next(List<Trial> trials);

  /**
   * Why running trial {@code number} should stop now, given what it reported so far (step → value, the last
   * step last) and the study's trials; empty to let it go on. Only finished trials are compared with, so the
   * decision is the same on the real and the simulated clock.
   */
  default Optional<String> stopReason(int number, SortedMap<Long, Double> reports, List<Trial> trials) {
    return Optional.empty();
  }

  /**
   * True when every assignment is a new config at the full budget and only stopping decisions remain (so the
   * next proposal can be prepared ahead, as speculation does).
   */
  default boolean onlyStops() {
    return false;
  }

  /**
   * What the tools see of the study: the study itself when every config runs at the full budget, else the
   * {@link MultiFidelityView} over its rungs.
   */
  default History view(History history) {
    return onlyStops() ? history : MultiFidelityView.of(history);
  }
}
