package dev.asap.optimizer.tpe;

import java.util.List;
import java.util.Random;

/**
 * One TPE step on one parameter group: fit l(x) on the good trials and g(x) on the bad ones (each on the
 * trials where the whole group is active), draw candidates from l(x) and rank them by log l(x) − log g(x).
 */
final class TpeSampler {
  private final UnitDimension[] dims;
  private final int structureCount;
  private final TpeSettings settings;

  /** @param structureCount number of structure ids the trials may carry (see {@link EncodingCache}) */
  TpeSampler(UnitDimension[] dims, int structureCount, TpeSettings settings) {
    this.dims = dims;
    this.structureCount = structureCount;
    this.settings = settings;
  }

  RankedCandidates rank(int[] group, TrialSplit split, Random random) {
    UnitDimension[] groupDims = new UnitDimension[group.length];
    for (int d = 0; d < group.length; d++) {
      groupDims[d] = dims[group[d]];
    }
    ParzenEstimator good = estimator(group, groupDims, split.good());
    ParzenEstimator bad = estimator(group, groupDims, split.bad());
    Candidates candidates = good.sample(random, settings.candidates());
    double[] l = good.logPdf(candidates);
    double[] g = bad.logPdf(candidates);
    double[] acquisition = new double[l.length];
    for (int c = 0; c < l.length; c++) {
      acquisition[c] = l[c] - g[c];
    }
    return new RankedCandidates(candidates, acquisition);
  }

  /**
   * log l(x) − log g(x) of each point of the group: the order of TPE's expected improvement, which is monotone
   * in l/g (Bergstra et al. 2011).
   */
  double[] logRatio(int[] group, TrialSplit split, Candidates points) {
    UnitDimension[] groupDims = new UnitDimension[group.length];
    for (int d = 0; d < group.length; d++) {
      groupDims[d] = dims[group[d]];
    }
    double[] l = estimator(group, groupDims, split.good()).logPdf(points);
    double[] g = estimator(group, groupDims, split.bad()).logPdf(points);
    double[] out = new double[l.length];
    for (int c = 0; c < l.length; c++) {
      out[c] = l[c] - g[c];
    }
    return out;
  }

  private ParzenEstimator estimator(int[] group, UnitDimension[] groupDims, List<EncodedTrial> trials) {
    // Whether a trial has the whole group active depends only on its structure: decide once per structure.
    byte[] memo = new byte[structureCount];
    boolean[] use = new boolean[trials.size()];
    int n = 0;
    for (int i = 0; i < use.length; i++) {
      EncodedTrial t = trials.get(i);
      int s = t.structure();
      if (memo[s] == 0) {
        memo[s] = (byte) (t.hasAll(group) ? 1 : 2);
      }
      use[i] = memo[s] == 1;
      n += use[i] ? 1 : 0;
    }
    double[][] unit = new double[group.length][n];
    int[][] level = new int[group.length][n];
    int i = 0;
    for (int k = 0; k < use.length; k++) {
      if (use[k]) {
        EncodedTrial t = trials.get(k);
        for (int d = 0; d < group.length; d++) {
          unit[d][i] = t.unit(group[d]);
          level[d][i] = t.level(group[d]);
        }
        i++;
      }
    }
    return new ParzenEstimator(groupDims, unit, level, settings.priorWeight());
  }
}
