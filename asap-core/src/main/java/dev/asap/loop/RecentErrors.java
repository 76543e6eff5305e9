package dev.asap.loop;

import java.util.Arrays;

/** The last {@link #WINDOW} relative errors of one forecast, and their median. */
final class RecentErrors {
  static final int WINDOW = 10;
  private final double[] errors = new double[WINDOW];
  private int count;

  void add(double error) {
    errors[count % WINDOW] = error;
    count++;
  }

  int size() {
    return Math.min(count, WINDOW);
  }

  double median() {
    double[] sorted = Arrays.copyOf(errors, size());
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
