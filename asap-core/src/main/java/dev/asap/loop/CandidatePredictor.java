package dev.asap.loop;

import dev.asap.trial.Direction;
import dev.asap.trial.Trial;

/**
 * One way to predict the value a running trial will return, from what is known when it starts. The order is
 * the preference while none has a record yet: the proposing model first, then the median.
 */
enum CandidatePredictor {
  /** The proposing tool's predicted mean, stored on the trial as a loss; only when the tool had a model. */
  TOOL_MEAN("tool-mean") {
    @Override
    double predict(Trial running, CompletedValues values, Direction direction) {
      Object mean = running.attributes().get("predicted_mean");
      if (!(mean instanceof Number n) || !Double.isFinite(n.doubleValue())) {
        return Double.NaN;
      }
      return direction == Direction.MINIMIZE ? n.doubleValue() : -n.doubleValue();
    }
  },
  MEDIAN("median") {
    @Override
    double predict(Trial running, CompletedValues values, Direction direction) {
      return values.isEmpty() ? Double.NaN : values.median();
    }
  },
  /** Good when the run has settled in one region and its recent picks score alike. */
  RECENT_MEAN("recent-mean") {
    @Override
    double predict(Trial running, CompletedValues values, Direction direction) {
      return values.isEmpty() ? Double.NaN : values.recentMean();
    }
  },
  /** Good when the tools exploit around the best trial. */
  INCUMBENT("incumbent") {
    @Override
    double predict(Trial running, CompletedValues values, Direction direction) {
      if (values.isEmpty()) {
        return Double.NaN;
      }
      return direction == Direction.MINIMIZE ? values.min() : values.max();
    }
  };

  private final String label;

  CandidatePredictor(String label) {
    this.label = label;
  }

  String label() {
    return label;
  }

  /** The prediction for {@code running}, or NaN when it has nothing to go on. */
  abstract double predict(Trial running, CompletedValues values, Direction direction);
}
