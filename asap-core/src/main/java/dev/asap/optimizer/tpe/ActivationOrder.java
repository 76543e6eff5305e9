package dev.asap.optimizer.tpe;

import dev.asap.space.Condition;
import dev.asap.space.SearchSpace;

/** Parameter indices with every parent before its children, so that activity is decided top-down. */
final class ActivationOrder {
  private ActivationOrder() {}

  static int[] of(SearchSpace space) {
    int d = space.dimension();
    int[] order = new int[d];
    boolean[] done = new boolean[d];
    int[] next = {0};
    for (int i = 0; i < d; i++) {
      visit(space, i, done, order, next);
    }
    return order;
  }

  // The space has already rejected cycles, so a plain depth-first walk terminates.
  private static void visit(SearchSpace space, int i, boolean[] done, int[] order, int[] next) {
    if (done[i]) {
      return;
    }
    done[i] = true;
    Condition c = space.condition(space.parameters().get(i).name());
    if (c != null) {
      // Parents in index order: a condition's parent set has no stable iteration order across JVMs.
      int[] parents = c.parents().stream().mapToInt(space::indexOf).sorted().toArray();
      for (int parent : parents) {
        visit(space, parent, done, order, next);
      }
    }
    order[next[0]++] = i;
  }
}
