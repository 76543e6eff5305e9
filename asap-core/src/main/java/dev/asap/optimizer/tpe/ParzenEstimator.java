package dev.asap.optimizer.tpe;

import java.util.Arrays;
import java.util.Random;

/**
 * A multivariate Parzen estimator over one group of parameters (Falkner et al. 2018; Optuna's
 * {@code _ParzenEstimator} with {@code multivariate=True}): a weighted mixture of product kernels, one per
 * observation, plus a prior kernel over the whole domain (mean 0.5, sigma 1 in the unit cube, uniform over
 * categories).
 *
 * <p>Observation kernels share one bandwidth per dimension, Scott-like
 * {@code 0.2 n^(-1/(d+4))} (Optuna's {@code SIGMA0_MAGNITUDE}), clipped by the "magic clip" to
 * {@code [1/min(100, n+2), 1]}.
 */
final class ParzenEstimator {
  /** Optuna's SIGMA0_MAGNITUDE for multivariate bandwidths. */
  static final double SIGMA0 = 0.2;
  /** Optuna's default_weights keeps the 25 newest observations at full weight and ramps older ones down. */
  static final int FLAT_WEIGHTS = 25;

  private static final double PRIOR_MU = 0.5;
  private static final double PRIOR_SIGMA = 1.0;
  private static final double PRIOR_LOG_NORMALISER = NumericKernel.logNormaliser(PRIOR_MU, PRIOR_SIGMA);

  private final UnitDimension[] dims;
  private final int n;
  private final double[] logWeights;
  private final double[] cumulative;
  private final double[] sigma;
  private final double[][] mu;
  private final int[][] level;
  private final double[][] logNorm;
  private final CategoricalKernel[] categorical;

  /**
   * @param unit  observations by dimension, {@code unit[d][i]} (oldest observation first)
   * @param level grid values or categories of the observations, {@code level[d][i]}
   */
  ParzenEstimator(UnitDimension[] dims, double[][] unit, int[][] level, double priorWeight) {
    this.dims = dims;
    this.mu = unit;
    this.level = level;
    this.n = dims.length == 0 ? 0 : unit[0].length;
    double[] w = Arrays.copyOf(defaultWeights(n), n + 1);
    w[n] = n == 0 ? 1 : priorWeight;
    double total = 0;
    for (double v : w) {
      total += v;
    }
    this.logWeights = new double[n + 1];
    this.cumulative = new double[n + 1];
    double running = 0;
    for (int k = 0; k <= n; k++) {
      logWeights[k] = Math.log(w[k] / total);
      running += w[k] / total;
      cumulative[k] = running;
    }
    this.sigma = new double[dims.length];
    this.logNorm = new double[dims.length][];
    this.categorical = new CategoricalKernel[dims.length];
    double s = bandwidth(n, dims.length);
    for (int d = 0; d < dims.length; d++) {
      sigma[d] = s;
      if (dims[d].kind() == UnitDimension.Kind.CATEGORICAL) {
        categorical[d] = new CategoricalKernel(dims[d].size(), n, priorWeight);
      } else if (dims[d].kind() == UnitDimension.Kind.CONTINUOUS) {
        double[] ln = new double[n];
        for (int k = 0; k < n; k++) {
          ln[k] = -NumericKernel.logNormaliser(unit[d][k], s) - Math.log(s) - 0.5 * Math.log(2 * Math.PI);
        }
        logNorm[d] = ln;
      }
    }
  }

  /** Builds an estimator from observations given point by point ({@code points[i][d]}). */
  static ParzenEstimator fit(UnitDimension[] dims, double[][] points, double priorWeight) {
    double[][] unit = new double[dims.length][points.length];
    int[][] level = new int[dims.length][points.length];
    for (int i = 0; i < points.length; i++) {
      for (int d = 0; d < dims.length; d++) {
        unit[d][i] = points[i][d];
        level[d][i] = dims[d].level(points[i][d]);
      }
    }
    return new ParzenEstimator(dims, unit, level, priorWeight);
  }

  /** Optuna's default_weights: 1 for up to 25 observations, else a linear ramp from 1/n for the older ones. */
  static double[] defaultWeights(int n) {
    double[] w = new double[n];
    Arrays.fill(w, 1.0);
    int ramp = n - FLAT_WEIGHTS;
    if (ramp > 0) {
      double start = 1.0 / n;
      for (int i = 0; i < ramp; i++) {
        w[i] = ramp == 1 ? start : start + i * (1.0 - start) / (ramp - 1);
      }
    }
    return w;
  }

  /** The shared bandwidth of the observation kernels in the unit cube. */
  static double bandwidth(int observations, int dimensions) {
    double s = SIGMA0 * Math.pow(Math.max(observations, 1), -1.0 / (dimensions + 4));
    double min = 1.0 / Math.min(100.0, observations + 2.0);
    return Math.min(1.0, Math.max(min, s));
  }

  /** Draws {@code count} points: a kernel by weight, then every dimension from that kernel. */
  Candidates sample(Random random, int count) {
    Candidates out = new Candidates(dims.length, count);
    for (int c = 0; c < count; c++) {
      int k = Arrays.binarySearch(cumulative, random.nextDouble());
      k = Math.min(n, k < 0 ? -k - 1 : k);
      boolean prior = k == n;
      for (int d = 0; d < dims.length; d++) {
        UnitDimension dim = dims[d];
        if (dim.kind() == UnitDimension.Kind.CATEGORICAL) {
          int j = categorical[d].sample(random, prior ? -1 : level[d][k]);
          out.level[d][c] = j;
          out.unit[d][c] = dim.centre(j);
        } else {
          double x = prior ? NumericKernel.sample(random, PRIOR_MU, PRIOR_SIGMA)
              : NumericKernel.sample(random, mu[d][k], sigma[d]);
          if (dim.kind() == UnitDimension.Kind.DISCRETE) {
            int j = dim.level(x);
            out.level[d][c] = j;
            out.unit[d][c] = dim.centre(j);
          } else {
            out.level[d][c] = -1;
            out.unit[d][c] = x;
          }
        }
      }
    }
    return out;
  }

  /**
   * Log of the mixture's density at each candidate; for grid and categorical dimensions the factor is the
   * probability of the candidate's value (the bin mass), as in Optuna's discrete kernels.
   */
  double[] logPdf(Candidates candidates) {
    int count = candidates.count();
    GridMasses[] grids = new GridMasses[dims.length];
    for (int d = 0; d < dims.length; d++) {
      if (dims[d].kind() == UnitDimension.Kind.DISCRETE) {
        grids[d] = new GridMasses(d, candidates);
      }
    }
    // One candidate at a time: the n + 1 kernel terms stay in cache while every dimension adds to them.
    double[] row = new double[n + 1];
    double[] out = new double[count];
    for (int c = 0; c < count; c++) {
      System.arraycopy(logWeights, 0, row, 0, n + 1);
      for (int d = 0; d < dims.length; d++) {
        switch (dims[d].kind()) {
          case CONTINUOUS -> addContinuous(d, candidates.unit[d][c], row);
          case DISCRETE -> grids[d].add(c, row);
          default -> addCategorical(d, candidates.level[d][c], row);
        }
      }
      out[c] = logSumExp(row);
    }
    return out;
  }

  private void addContinuous(int d, double x, double[] row) {
    double inv = 1 / sigma[d];
    double[] mus = mu[d];
    double[] ln = logNorm[d];
    for (int k = 0; k < n; k++) {
      double z = (x - mus[k]) * inv;
      row[k] += ln[k] - 0.5 * z * z;
    }
    row[n] += NumericKernel.logDensity(x, PRIOR_MU, PRIOR_SIGMA, PRIOR_LOG_NORMALISER);
  }

  private void addCategorical(int d, int value, double[] row) {
    CategoricalKernel kernel = categorical[d];
    double same = kernel.logSame();
    double other = kernel.logOther();
    int[] levels = level[d];
    for (int k = 0; k < n; k++) {
      row[k] += levels[k] == value ? same : other;
    }
    row[n] += kernel.logUniform();
  }

  /**
   * Log masses of one grid dimension's kernels over the candidates' bins. Observations lie on the grid and
   * share a bandwidth, so a kernel's mass over a bin depends only on the two grid values: it is computed
   * once per distinct observed value and distinct candidate value, not per observation and candidate.
   */
  private final class GridMasses {
    private final Distinct kernels;
    private final Distinct values;
    private final double[] table;
    private final double[] prior;

    GridMasses(int d, Candidates candidates) {
      UnitDimension dim = dims[d];
      this.kernels = Distinct.of(level[d], n, dim.size());
      this.values = Distinct.of(candidates.level[d], candidates.count(), dim.size());
      int slots = kernels.values.length;
      double s = sigma[d];
      this.table = new double[values.values.length * slots];
      this.prior = new double[values.values.length];
      for (int v = 0; v < values.values.length; v++) {
        int j = values.values[v];
        prior[v] = NumericKernel.logBinMass(dim.lower(j), dim.upper(j), PRIOR_MU, PRIOR_SIGMA, PRIOR_LOG_NORMALISER);
      }
      for (int t = 0; t < slots; t++) {
        double centre = dim.centre(kernels.values[t]);
        double logZ = NumericKernel.logNormaliser(centre, s);
        for (int v = 0; v < values.values.length; v++) {
          int j = values.values[v];
          table[v * slots + t] = NumericKernel.logBinMass(dim.lower(j), dim.upper(j), centre, s, logZ);
        }
      }
    }

    void add(int c, double[] row) {
      int v = values.slots[c];
      int offset = v * kernels.values.length;
      int[] slot = kernels.slots;
      for (int k = 0; k < n; k++) {
        row[k] += table[offset + slot[k]];
      }
      row[n] += prior[v];
    }
  }

  /** The distinct grid values among the first {@code count} levels, and each level's index among them. */
  private static final class Distinct {
    final int[] values;
    final int[] slots;

    private Distinct(int[] values, int[] slots) {
      this.values = values;
      this.slots = slots;
    }

    static Distinct of(int[] levels, int count, int size) {
      int[] slotOf = new int[size];
      Arrays.fill(slotOf, -1);
      int[] values = new int[Math.min(count, size)];
      int[] slots = new int[count];
      int used = 0;
      for (int i = 0; i < count; i++) {
        int j = levels[i];
        if (slotOf[j] < 0) {
          values[used] = j;
          slotOf[j] = used++;
        }
        slots[i] = slotOf[j];
      }
      return new Distinct(Arrays.copyOf(values, used), slots);
    }
  }

  private static double logSumExp(double[] a) {
    double max = Double.NEGATIVE_INFINITY;
    for (double v : a) {
      max = Math.max(max, v);
    }
    if (max == Double.NEGATIVE_INFINITY) {
      return max;
    }
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      double x = a[i] - max;
      // Terms below e^-40 cannot change the sum of at least 1 in double precision: skip their exp.
      if (x > -40) {
        sum += Math.exp(x);
      }
    }
    return max + Math.log(sum);
  }
}
