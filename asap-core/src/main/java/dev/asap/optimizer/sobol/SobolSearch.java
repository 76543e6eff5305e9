package dev.asap.optimizer.sobol;

import dev.asap.optimizer.History;
import dev.asap.optimizer.Optimizer;
import dev.asap.optimizer.Proposal;
import dev.asap.optimizer.Seeds;
import dev.asap.optimizer.UnseenConfigs;
import java.util.Random;
import org.hipparchus.random.SobolSequenceGenerator;

/**
 * A scrambled Sobol sequence over the unit cube: space-filling where random search clusters.
 *
 * <p>Scrambling is a random digital shift (each point's binary digits XOR-ed with one seeded random word
 * per dimension). It keeps the sequence's low discrepancy, removes the origin point, and makes seeds
 * differ. Point i of the sequence is used for the study's i-th trial, so a resumed study continues the
 * sequence rather than restarting it.
 */
public final class SobolSearch implements Optimizer {
  private static final int BITS = 52;
  private static final double SCALE = Math.pow(2, BITS);
  private final long seed;
  private final int dimension;
  private final long[] shifts;
  private SobolSequenceGenerator generator;
  private int nextIndex;

  public SobolSearch(int dimension, long seed) {
    this.seed = seed;
    this.dimension = Math.max(1, dimension);
    Random r = Seeds.random(seed);
    this.shifts = new long[this.dimension];
    for (int i = 0; i < shifts.length; i++) {
      shifts[i] = r.nextLong() & ((1L << BITS) - 1);
    }
  }

  /** The same sequence, with a generator of its own at the same position. */
  private SobolSearch(SobolSearch other) {
    this.seed = other.seed;
    this.dimension = other.dimension;
    this.shifts = other.shifts; // never written after construction
    this.nextIndex = other.nextIndex;
    if (other.generator != null) {
      // Hipparchus' generator cannot be copied; skipTo(i) leaves a new one where i + 1 comes next.
      this.generator = new SobolSequenceGenerator(dimension);
      if (nextIndex > 0) {
        generator.skipTo(nextIndex - 1);
      }
    }
  }

  @Override
  public String name() {
    return "sobol";
  }

  @Override
  public SobolSearch fork() {
    return new SobolSearch(this);
  }

  @Override
  public Proposal propose(History history) {
    int index = history.size();
    Random fallback = Seeds.random(seed, index);
    return new Proposal(UnseenConfigs.orFresh(history, history.space().decode(point(index)), fallback), name(), null,
        0);
  }

  private double[] point(int index) {
    if (generator == null || index < nextIndex) {
      generator = new SobolSequenceGenerator(dimension);
      nextIndex = 0;
    }
    // skipTo returns point i itself (and the next call gives i + 1), so both paths give point i.
    double[] raw = index == nextIndex ? generator.nextVector() : generator.skipTo(index);
    nextIndex = index + 1;
    double[] u = new double[raw.length];
    for (int i = 0; i < raw.length; i++) {
      long bits = (long) (raw[i] * SCALE) ^ shifts[i];
      // Centre the point in its dyadic cell so that no coordinate is exactly 0.
      u[i] = (bits + 0.5) / SCALE;
    }
    return u;
  }
}
