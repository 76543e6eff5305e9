package dev.asap.optimizer.gp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Which completed trials (indices into the number-ordered list) the model uses, and when hyperparameters are
 * refitted. Everything here is a function of the completed trials alone, so a resumed study rebuilds exactly the
 * model an uninterrupted one would have.
 *
 * <p>Scale: hyperparameters are refitted at every new trial while there are fewer than 20, then each time the
 * count grows by 10 %, on at most {@link #FIT_CAP} trials; the posterior uses every trial up to
 * {@link #POSTERIOR_CAP}, then a subset chosen afresh every {@link #POSTERIOR_STEP} trials plus every trial
 * completed since (appended by rank-one Cholesky extensions). Subsets keep the best half by loss (the region
 * expected improvement searches) and fill up with the most recent trials (where the search is now).
 */
final class DataPlan {
  static final int FIT_CAP = 200;
  static final int POSTERIOR_CAP = 300;
  static final int POSTERIOR_STEP = 32;

  private DataPlan() {}

  /** The number of leading completed trials the hyperparameters are fitted on when {@code n} are complete. */
  static int fitPoint(int n, int first) {
    int s = Math.min(n, first);
    while (true) {
      int next = s + Math.max(1, s / 10);
      if (next > n) {
        return s;
      }
      s = next;
    }
  }

  /** The trials the hyperparameters are fitted on: a subset of the first {@code m}. */
  static int[] fitRows(double[] losses, int m) {
    return select(losses, m, FIT_CAP);
  }

  /** The trials the posterior conditions on, in the order they are added to the Cholesky factor. */
  static int[] posteriorRows(double[] losses, int n) {
    if (n <= POSTERIOR_CAP) {
      return range(0, n);
    }
    int anchor = n - n % POSTERIOR_STEP;
    int[] head = select(losses, anchor, POSTERIOR_CAP);
    int[] rows = Arrays.copyOf(head, head.length + n - anchor);
    for (int i = anchor; i < n; i++) {
      rows[head.length + i - anchor] = i;
    }
    return rows;
  }

  /** At most {@code cap} of the first {@code m} indices: the best half by loss, then the latest; ascending. */
  static int[] select(double[] losses, int m, int cap) {
    if (m <= cap) {
      return range(0, m);
    }
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < m; i++) {
      order.add(i);
    }
    order.sort(Comparator.comparingDouble((Integer i) -> losses[i]).thenComparingInt(i -> i));
    boolean[] taken = new boolean[m];
    int count = 0;
    for (int k = 0; k < cap / 2; k++) {
      taken[order.get(k)] = true;
      count++;
    }
    for (int i = m - 1; i >= 0 && count < cap; i--) {
      if (!taken[i]) {
        taken[i] = true;
        count++;
      }
    }
    int[] rows = new int[cap];
    int r = 0;
    for (int i = 0; i < m; i++) {
      if (taken[i]) {
        rows[r++] = i;
      }
    }
    return rows;
  }

  private static int[] range(int from, int to) {
    int[] r = new int[to - from];
    for (int i = 0; i < r.length; i++) {
      r[i] = from + i;
    }
    return r;
  }
}
