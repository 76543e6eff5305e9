package dev.asap.optimizer.cmaes;

/**
 * The constants of one CMA-ES run for {@code n} Gaussian dimensions and population size {@code lambda}: the
 * defaults of Hansen, "The CMA Evolution Strategy: A Tutorial" (arXiv:1604.00772, Table 1), including the
 * negative (active) recombination weights, as the {@code cmaes} library uses them.
 *
 * @param lambda       population size
 * @param mu           number of parents, {@code lambda / 2}
 * @param weights      recombination weights by rank: positive for the first {@code mu} (summing to 1), then
 *                     zero or negative for active covariance adaptation
 * @param eliteWeights the positive weights alone, summing to 1 (used by the categorical update)
 * @param muEff        variance-effective selection mass of the positive weights
 * @param cSigma       learning rate of the step-size path
 * @param dSigma       damping of the step-size update
 * @param cc           learning rate of the covariance path
 * @param c1           rank-one learning rate
 * @param cMu          rank-mu learning rate
 * @param chiN         E||N(0, I)||
 */
record StrategyParameters(
    int lambda,
    int mu,
    double[] weights,
    double[] eliteWeights,
    double muEff,
    double cSigma,
    double dSigma,
    double cc,
    double c1,
    double cMu,
    double chiN) {

  /** Hansen's default population size 4 + floor(3 ln n). */
  static int defaultLambda(int n) {
    return 4 + (int) Math.floor(3 * Math.log(Math.max(1, n)));
  }

  static StrategyParameters of(int n, int lambda) {
    int dims = Math.max(1, n);
    int mu = lambda / 2;
    double[] raw = new double[lambda];
    double positive = 0;
    double negative = 0;
    for (int i = 0; i < lambda; i++) {
      raw[i] = Math.log((lambda + 1) / 2.0) - Math.log(i + 1);
      if (raw[i] > 0) {
        positive += raw[i];
      } else {
        negative -= raw[i];
      }
    }
    double muEff = selectionMass(raw, 0, mu);
    double muEffMinus = selectionMass(raw, mu, lambda);
    double alphaCov = 2;
    double c1 = alphaCov / ((dims + 1.3) * (dims + 1.3) + muEff);
    double cMu = Math.min(1 - c1 - 1e-8,
        alphaCov * (muEff - 2 + 1 / muEff) / ((dims + 2) * (dims + 2) + alphaCov * muEff / 2));
    // Tutorial eq. (53): scale the negative weights so that C stays positive definite.
    double alphaMinus = Math.min(1 + c1 / cMu,
        Math.min(1 + 2 * muEffMinus / (muEff + 2), (1 - c1 - cMu) / (dims * cMu)));
    double[] weights = new double[lambda];
    double[] elite = new double[lambda];
    for (int i = 0; i < lambda; i++) {
      weights[i] = raw[i] >= 0 ? raw[i] / positive : alphaMinus * raw[i] / (negative == 0 ? 1 : negative);
      elite[i] = raw[i] > 0 ? raw[i] / positive : 0;
    }
    double cSigma = (muEff + 2) / (dims + muEff + 5);
    double dSigma = 1 + 2 * Math.max(0, Math.sqrt((muEff - 1) / (dims + 1)) - 1) + cSigma;
    double cc = (4 + muEff / dims) / (dims + 4 + 2 * muEff / dims);
    double chiN = Math.sqrt(dims) * (1 - 1.0 / (4 * dims) + 1.0 / (21.0 * dims * dims));
    return new StrategyParameters(lambda, mu, weights, elite, muEff, cSigma, dSigma, cc, c1, cMu, chiN);
  }

  private static double selectionMass(double[] w, int from, int to) {
    double sum = 0;
    double squares = 0;
    for (int i = from; i < to; i++) {
      sum += w[i];
      squares += w[i] * w[i];
    }
    return squares == 0 ? 0 : sum * sum / squares;
  }

  /** Sum of all recombination weights (the tutorial's sum of w_j in the covariance decay term). */
  double weightSum() {
    double s = 0;
    for (double w : weights) {
      s += w;
    }
    return s;
  }
}
