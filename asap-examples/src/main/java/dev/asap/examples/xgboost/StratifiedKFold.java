package dev.asap.examples.xgboost;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.IntStream;

/**
 * Splits rows into k folds that each keep the class proportions of the whole dataset. The assignment depends
 * only on the labels, k and the seed, so every trial of a study is scored on the same folds.
 */
public final class StratifiedKFold {
  private final int[] foldOfRow;
  private final int folds;

  private StratifiedKFold(int[] foldOfRow, int folds) {
    this.foldOfRow = foldOfRow;
    this.folds = folds;
  }

  /**
   * Shuffles the rows of each class with {@code seed} and deals them out to the folds in turn.
   *
   * @throws IllegalArgumentException if {@code folds} is below 2 or above the size of the smallest class
   */
  public static StratifiedKFold split(float[] labels, int folds, long seed) {
    TreeMap<Float, List<Integer>> rowsByClass = new TreeMap<>();
    for (int r = 0; r < labels.length; r++) {
      rowsByClass.computeIfAbsent(labels[r], k -> new ArrayList<>()).add(r);
    }
    int smallest = rowsByClass.values().stream().mapToInt(List::size).min().orElse(0);
    if (folds < 2 || folds > smallest) {
      throw new IllegalArgumentException("cannot split into " + folds + " stratified folds: need 2 to "
          + smallest + " (the size of the smallest class)");
    }
    Random random = new Random(seed);
    int[] foldOfRow = new int[labels.length];
    // The deal continues across classes so that fold sizes differ by at most one row.
    int next = 0;
    for (List<Integer> rows : rowsByClass.values()) {
      Collections.shuffle(rows, random);
      for (int row : rows) {
        foldOfRow[row] = next;
        next = (next + 1) % folds;
      }
    }
    return new StratifiedKFold(foldOfRow, folds);
  }

  public int folds() {
    return folds;
  }

  /** Rows held out for validation in {@code fold}, in ascending order. */
  public int[] validationRows(int fold) {
    return IntStream.range(0, foldOfRow.length).filter(r -> foldOfRow[r] == fold).toArray();
  }

  /** Rows used for training when {@code fold} is held out, in ascending order. */
  public int[] trainingRows(int fold) {
    return IntStream.range(0, foldOfRow.length).filter(r -> foldOfRow[r] != fold).toArray();
  }
}
