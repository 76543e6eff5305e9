package dev.asap.optimizer.tpe;

import dev.asap.space.Config;
import dev.asap.space.SearchSpace;
import dev.asap.trial.Trial;
import dev.asap.trial.TrialState;
import dev.asap.trial.TrialTimings;
import java.util.Map;
import java.util.TreeMap;

/** Builds trials for histories in tests without a store. */
final class TpeTrials {
  private TpeTrials() {}

  static Trial of(int number, Config config, TrialState state, Double value) {
    return new Trial(number, config, state, value, null, "test", 0, "test", new TreeMap<>(), TrialTimings.NONE,
        number, state == TrialState.RUNNING ? Double.NaN : number + 1, number + 1, Map.of());
  }

  static Trial complete(int number, Config config, double value) {
    return of(number, config, TrialState.COMPLETE, value);
  }

  static Config config(SearchSpace space, Object... keyValues) {
    Map<String, Object> m = new java.util.HashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      m.put((String) keyValues[i], keyValues[i + 1]);
    }
    return space.config(m);
  }
}
