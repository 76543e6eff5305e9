package dev.asap.optimizer.local;

import dev.asap.optimizer.History;
import dev.asap.space.Config;
import dev.asap.space.SearchSpace;
import dev.asap.trial.Direction;
import dev.asap.trial.Trial;
import dev.asap.trial.TrialState;
import dev.asap.trial.TrialTimings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Builds histories trial by trial for the local-search tests. */
final class Histories {
  private final SearchSpace space;
  private final List<Trial> trials = new ArrayList<>();

  Histories(SearchSpace space) {
    this.space = space;
  }

  /** A finished or running trial of {@code tool} at unit-cube point {@code u}. */
  Histories add(String tool, TrialState state, Double value, double... u) {
    return add(tool, state, value, space.decode(u));
  }

  Histories add(String tool, TrialState state, Double value, Config config) {
    trials.add(new Trial(trials.size(), config, state, value, state == TrialState.FAILED ? "crashed" : null, tool, 0,
        "host:1", new TreeMap<>(), TrialTimings.NONE, 0, 0, 0, Map.of()));
    return this;
  }

  Histories complete(String tool, double value, double... u) {
    return add(tool, TrialState.COMPLETE, value, u);
  }

  History history() {
    return history(Direction.MINIMIZE);
  }

  History history(Direction direction) {
    return new History(space, direction, trials);
  }

  int size() {
    return trials.size();
  }
}
