package dev.asap.loop;

import java.util.Collections;
import java.util.PriorityQueue;

/**
 * The completed values seen so far, kept so that each summary a forecast needs costs O(1) to read and
 * O(log n) to update: the median (two heaps), the mean of the most recent {@link #RECENT}, the lowest and
 * the highest.
 */
final class CompletedValues {
  static final int RECENT = 5;
  /** The smaller half; the larger half holds the extra value when the count is odd. */
  private final PriorityQueue<Double> lower = new PriorityQueue<>(Collections.reverseOrder());
  private final PriorityQueue<Double> upper = new PriorityQueue<>();
  private final double[] recent = new double[RECENT];
  private int count;
  private double min = Double.POSITIVE_INFINITY;
  private double max = Double.NEGATIVE_INFINITY;

  void add(double value) {
    recent[count % RECENT] = value;
    count++;
    min = Math.min(min, value);
    max = Math.max(max, value);
    if (upper.isEmpty() || value >= upper.peek()) {
      upper.add(value);
    } else {
      lower.add(value);
    }
    if (upper.size() > lower.size() + 1) {
      lower.add(upper.poll());
    } else if (lower.size() > upper.size()) {
      upper.add(lower.poll());
    }
  }

  boolean isEmpty() {
    return count == 0;
  }

  /** The value at sorted index n/2 (the upper of the two middle values when n is even). */
  double median() {
    return upper.peek();
  }

  double recentMean() {
    int n = Math.min(count, RECENT);
    double sum = 0;
    for (int i = 0; i < n; i++) {
      sum += recent[i];
    }
    return sum / n;
  }

  double min() {
    return min;
  }

  double max() {
    return max;
  }
}
