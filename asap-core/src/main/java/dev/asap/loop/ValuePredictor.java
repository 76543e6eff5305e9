package dev.asap.loop;

import dev.asap.study.Direction;
import dev.asap.study.Trial;
import java.util.Arrays;
import java.util.List;

/**
 * The value a running trial is expected to return, for speculation: the proposing tool's predicted mean
 * when it had a model (stored on the trial as a loss), else the median value of the completed trials.
 */
final class ValuePredictor {
  private ValuePredictor() {}

  /** The predicted objective value, or null when there is nothing to predict from yet. */
  static Double predict(Trial running, List<Trial> trials, Direction direction) {
    Object mean = running.attributes().get("predicted_mean");
    if (mean instanceof Number n && Double.isFinite(n.doubleValue())) {
      return direction == Direction.MINIMIZE ? n.doubleValue() : -n.doubleValue();
    }
    double[] values = trials.stream().filter(Trial::isComplete).mapToDouble(Trial::value).toArray();
    if (values.length == 0) {
      return null;
    }
    Arrays.sort(values);
    return values[values.length / 2];
  }
}
