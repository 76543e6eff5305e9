package dev.asap.optimizer.forest;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * SMAC's one-exchange neighbourhood (ConfigSpace's {@code get_one_exchange_neighbourhood}): every neighbour
 * changes exactly one active parameter. Floats take Gaussian steps in the unit cube, ints and stepped
 * floats their adjacent grid values plus Gaussian steps, ordinals their adjacent values, categoricals
 * every other choice.
 */
final class Neighbourhood {
  /** ConfigSpace's defaults: 4 neighbours per numeric parameter, Gaussian steps of sd 0.2 in the unit cube. */
  private static final int GAUSSIAN_DRAWS = 4;
  private static final double STEP_SD = 0.2;
  /** Redraws before a step that leaves the cube is clamped instead (ConfigSpace rejects and redraws too). */
  private static final int REDRAWS = 10;

  private final FeatureEncoder encoder;

  Neighbourhood(FeatureEncoder encoder) {
    this.encoder = encoder;
  }

  /** The neighbours of {@code unit} (whose features are {@code features}), in random order. */
  List<Move> of(double[] unit, double[] features, Random random) {
    List<Move> out = new ArrayList<>();
    for (int i = 0; i < unit.length; i++) {
      if (!encoder.isActive(i, features)) {
        continue;
      }
      switch (encoder.kind(i)) {
        case CATEGORICAL:
          int k = encoder.choices(i);
          for (int c = 0; c < k; c++) {
            if (c != (int) features[i]) {
              out.add(new Move(i, (c + 0.5) / k));
            }
          }
          break;
        case ORDINAL:
          int n = (int) encoder.parameter(i).cardinality();
          int rank = Math.min(n - 1, (int) Math.floor(features[i] * n));
          addIfValid(out, i, rank > 0 ? (rank - 0.5) / n : Double.NaN);
          addIfValid(out, i, rank < n - 1 ? (rank + 1.5) / n : Double.NaN);
          break;
        case GRID:
          addIfValid(out, i, encoder.gridNeighbour(i, unit[i], -1));
          addIfValid(out, i, encoder.gridNeighbour(i, unit[i], 1));
          addGaussian(out, i, unit[i], random);
          break;
        default:
          addGaussian(out, i, unit[i], random);
          break;
      }
    }
    Collections.shuffle(out, random);
    return out;
  }

  private static void addIfValid(List<Move> out, int i, double u) {
    if (!Double.isNaN(u)) {
      out.add(new Move(i, u));
    }
  }

  private static void addGaussian(List<Move> out, int i, double u, Random random) {
    for (int draw = 0; draw < GAUSSIAN_DRAWS; draw++) {
      double v = u + STEP_SD * random.nextGaussian();
      for (int retry = 0; retry < REDRAWS && (v < 0 || v > 1); retry++) {
        v = u + STEP_SD * random.nextGaussian();
      }
      out.add(new Move(i, Math.min(1, Math.max(0, v))));
    }
  }

  /** Set coordinate {@code index} to {@code unit}. */
  record Move(int index, double unit) {
    double[] applyTo(double[] point) {
      double[] next = point.clone();
      next[index] = unit;
      return next;
    }
  }
}
