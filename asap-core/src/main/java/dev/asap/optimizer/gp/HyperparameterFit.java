package dev.asap.optimizer.gp;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * MAP hyperparameters by multi-start bounded L-BFGS on the log posterior ({@link MarginalLikelihood}).
 *
 * <p>The starts are the prior modes plus seeded draws from the priors, screened by their posterior value; the
 * best {@value #STARTS} are refined. Optuna's GPSampler also warm-starts from the previous fit, but that would
 * make a fit depend on the path of earlier calls, and a resumed study must get the proposals an uninterrupted
 * one gets (the {@link dev.asap.optimizer.Optimizer} contract). Screening several prior draws buys most of
 * what the warm start gives.
 */
final class HyperparameterFit {
  private static final int SCREENED = 8;
  private static final int STARTS = 2;
  private static final Lbfgsb LBFGS = new Lbfgsb(10, 60, 1e-4, 1e-9);

  private HyperparameterFit() {}

  /**
   * Fits one lengthscale per group (see {@link Kernel}), the signal and the noise variance.
   *
   * @param lengthscales number of lengthscales (distinct values in {@code group})
   */
  static Hyperparameters fit(double[][] features, double[] targets, int numeric, int[] group, int lengthscales,
      long seed) {
    HyperPrior prior = new HyperPrior(lengthscales);
    MarginalLikelihood objective = new MarginalLikelihood(features, targets, numeric, group, prior);
    Random random = new Random(seed);
    List<double[]> starts = new ArrayList<>();
    List<Double> values = new ArrayList<>();
    double[] scratch = new double[Hyperparameters.size(lengthscales)];
    for (int i = 0; i < SCREENED; i++) {
      double[] theta = i == 0 ? prior.initial() : prior.sample(random);
      double v = objective.valueAndGradient(theta, scratch);
      if (Double.isFinite(v)) {
        starts.add(theta);
        values.add(v);
      }
    }
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < starts.size(); i++) {
      order.add(i);
    }
    order.sort(Comparator.comparingDouble(values::get));
    double[] best = null;
    double bestValue = Double.POSITIVE_INFINITY;
    for (int i = 0; i < Math.min(STARTS, order.size()); i++) {
      Lbfgsb.Result r = LBFGS.minimize(objective, starts.get(order.get(i)), prior.lower(), prior.upper());
      if (r.value() < bestValue) {
        bestValue = r.value();
        best = r.x();
      }
    }
    if (best == null) {
      // Every start failed numerically (nearly coinciding points): the modes with a larger noise still factorise.
      best = prior.initial();
      best[best.length - 1] = Math.log(1e-2);
    }
    return new Hyperparameters(best);
  }
}
