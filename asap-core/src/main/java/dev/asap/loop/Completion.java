package dev.asap.loop;

import dev.asap.trial.TrialState;
import java.util.Map;

/**
 * A finished evaluation as a runner reports it: the final state, the value or the reason, the seconds to
 * charge as evaluation time and when it ended on the run's clock.
 */
record Completion(
    int number,
    int worker,
    TrialState state,
    Double value,
    String error,
    double evalSeconds,
    double end,
    Map<String, Object> attributes) {}
