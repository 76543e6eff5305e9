package dev.asap.trial;

import dev.asap.space.Config;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One evaluation of one config, as stored.
 *
 * @param number       0-based, unique within the study, in order of creation
 * @param value        the objective value for COMPLETE trials (and the last reported one for PRUNED), else null
 * @param error        why a FAILED trial failed (and for PRUNED, why it was stopped), else null
 * @param tool         the optimizer that proposed the config
 * @param worker       the worker slot that ran it
 * @param owner        the process that runs (or ran) it, as {@code host:pid}; used to detect dead workers
 * @param intermediate values reported during the evaluation, by step
 * @param timings      time spent proposing, evaluating and recording it
 * @param start        start on the run's clock (seconds)
 * @param end          end on the run's clock (seconds), NaN while running
 * @param heartbeat    last sign of life of a running trial (epoch seconds, real time)
 * @param attributes   free-form JSON-compatible data (e.g. why the integrator chose this proposal)
 */
public record Trial(
    int number,
    Config config,
    TrialState state,
    Double value,
    String error,
    String tool,
    int worker,
    String owner,
    SortedMap<Long, Double> intermediate,
    TrialTimings timings,
    double start,
    double end,
    double heartbeat,
    Map<String, Object> attributes) {

  public Trial {
    intermediate = Collections.unmodifiableSortedMap(new TreeMap<>(intermediate));
    attributes = Collections.unmodifiableMap(new java.util.LinkedHashMap<>(attributes));
  }

  public boolean isComplete() {
    return state == TrialState.COMPLETE;
  }

  /**
   * True for a trial that ended because its run was interrupted (Ctrl-C, a time budget, a dead process): it
   * says nothing about its config and does not count against a trial budget.
   */
  public boolean wasInterrupted() {
    // Studies written before INTERRUPTED existed marked such trials as failed with an attribute.
    return state == TrialState.INTERRUPTED
        || state == TrialState.FAILED && Boolean.TRUE.equals(attributes.get("interrupted"));
  }
}
