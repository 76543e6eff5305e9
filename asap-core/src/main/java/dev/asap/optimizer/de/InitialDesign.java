package dev.asap.optimizer.de;

import java.util.Random;
import org.hipparchus.random.SobolSequenceGenerator;

/**
 * The initial population: the first points of a Sobol sequence with a seeded random digital shift, which
 * covers the cube more evenly than DEHB's uniform sample at the same cost.
 */
final class InitialDesign {
  private static final int BITS = 52;
  private static final double SCALE = Math.pow(2, BITS);

  private InitialDesign() {}

  static double[][] points(int count, int dimension, Random random) {
    long[] shifts = new long[dimension];
    for (int i = 0; i < dimension; i++) {
      shifts[i] = random.nextLong() & ((1L << BITS) - 1);
    }
    SobolSequenceGenerator sobol = new SobolSequenceGenerator(dimension);
    double[][] out = new double[count][dimension];
    for (int k = 0; k < count; k++) {
      double[] raw = sobol.nextVector();
      for (int i = 0; i < dimension; i++) {
        // XOR-ing the digits keeps the net's stratification; +0.5 centres the point in its dyadic cell.
        out[k][i] = (((long) (raw[i] * SCALE) ^ shifts[i]) + 0.5) / SCALE;
      }
    }
    return out;
  }
}
