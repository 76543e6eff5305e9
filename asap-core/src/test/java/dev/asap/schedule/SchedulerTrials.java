package dev.asap.schedule;

import dev.asap.space.Config;
import dev.asap.space.FloatParameter;
import dev.asap.space.SearchSpace;
import dev.asap.trial.Trial;
import dev.asap.trial.TrialState;
import dev.asap.trial.TrialTimings;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Builds trial lists as a scheduler would find them in a study, for the scheduler tests. */
final class SchedulerTrials {
  static final SearchSpace SPACE = SearchSpace.builder().add(FloatParameter.of("x", 0, 1)).build();
  private final List<Trial> trials = new ArrayList<>();

  /** A trial of config x at {@code rung}, in {@code state} with {@code value}, and more attributes. */
  SchedulerTrials add(double x, int rung, TrialState state, Double value, Map<String, Object> more) {
    Map<String, Object> attributes = new HashMap<>(more);
    attributes.put(Rungs.RUNG, rung);
    Config config = SPACE.config(Map.of("x", x));
    trials.add(new Trial(trials.size(), config, state, value, null, "random", 0, "host:1", new TreeMap<>(),
        new TrialTimings(0, 0, 0), 0, state == TrialState.RUNNING ? Double.NaN : 1, 0, attributes));
    return this;
  }

  SchedulerTrials complete(double x, int rung, double value) {
    return add(x, rung, TrialState.COMPLETE, value, Map.of());
  }

  List<Trial> list() {
    return List.copyOf(trials);
  }
}
