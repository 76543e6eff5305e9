package dev.asap.optimizer.feasibility;

import dev.asap.optimizer.History;
import dev.asap.optimizer.Seeds;
import dev.asap.optimizer.forest.ForestClassifier;
import dev.asap.optimizer.local.MixedDistance;
import dev.asap.space.Config;
import dev.asap.space.SearchSpace;
import dev.asap.trial.Trial;
import dev.asap.trial.TrialState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.Random;

/**
 * P(feasible | config), learned from the trials the objective answered: complete ones are feasible, infeasible
 * ones are not (failed trials say nothing about the config and are left out). Tools weight their acquisition
 * by it, as constrained Bayesian optimisation weights expected improvement by the probability of feasibility.
 *
 * <p>Once both outcomes were seen, a random-forest classifier ({@link ForestClassifier}) gives most of the
 * estimate ({@link #FOREST_WEIGHT}); its splits find the limits of the feasible region. The rest, and all of it
 * while no config has run, comes from a kernel classifier with a prior: P(x) = (a·π + Σ w_i y_i) / (a + Σ w_i), with weights
 * w_i = exp(−d²(x, x_i) / 2ℓ²) under the mixed distance of the unit cube (categorical and activity mismatches
 * count as a fixed distance), π the smoothed feasible share (n_feasible + 1) / (n + 2) and a = 1 pseudo-trial.
 * Far from every trial it falls back to π; near infeasible trials it drops; with no feasible trial at all it
 * is highest far from the infeasible ones, which steers a search away from where it failed. The length-scale
 * ℓ is chosen from a small grid by leave-one-out likelihood, so it adapts to how local the feasible region is.
 *
 * <p>Until the study has an infeasible trial, the model is {@link #ALWAYS}: it changes nothing.
 */
public final class FeasibilityModel {
  /** The model of a study without infeasible trials: everything is feasible. */
  public static final FeasibilityModel ALWAYS = new FeasibilityModel(null, null, new double[0][], new double[0], 1, 1,
      null);

  /**
   * Models fitted per history, held beside the history rather than in it so that the history (what every tool
   * is given) does not depend on a model built from the tools; weak keys, so a history's model goes with it.
   */
  private static final Map<History, FeasibilityModel> FITTED = java.util.Collections.synchronizedMap(
      new WeakHashMap<>());

  /**
   * Where configs run, as learned from this history's trials; fitted once per history, however many tools of a
   * pool ask for it.
   */
  public static FeasibilityModel of(History history) {
    FeasibilityModel model = FITTED.get(history);
    if (model == null) {
      model = fit(history); // a race fits it twice, to the same model, which is harmless
      FITTED.put(history, model);
    }
    return model;
  }

  /** The most recent trials the model learns from: older ones add cost more than information. */
  static final int MAX_TRIALS = 600;
  /** Squared length-scales tried, as fractions of the mean squared distance of two uniform points (d / 6). */
  private static final double[] SCALES = {0.005, 0.02, 0.08, 0.3};
  private static final double PSEUDO_TRIALS = 1;
  /** P is kept in [FLOOR, 1 − FLOOR] so that its log stays finite and no region is ruled out for good. */
  static final double FLOOR = 1e-3;

  /**
   * The forest's share of the estimate once both outcomes were seen: its axis-aligned splits find the limits
   * of the feasible region; the kernel keeps the estimate smooth and away from 0 where the forest is sure.
   */
  static final double FOREST_WEIGHT = 0.85;
  private static final long FOREST_SEED = 0x5EEDFEA5L;
  private final SearchSpace space;
  private final MixedDistance distance;
  private final double[][] points;
  private final double[] labels;
  private final double prior;
  private final double twoScaleSquared;
  /** The forest's view, once both outcomes were seen; null before. */
  private final ForestClassifier forest;

  private FeasibilityModel(SearchSpace space, MixedDistance distance, double[][] points, double[] labels,
      double prior, double twoScaleSquared, ForestClassifier forest) {
    this.forest = forest;
    this.space = space;
    this.distance = distance;
    this.points = points;
    this.labels = labels;
    this.prior = prior;
    this.twoScaleSquared = twoScaleSquared;
  }

  /** The model of {@code history}: {@link #ALWAYS} until some trial was infeasible. */
  public static FeasibilityModel fit(History history) {
    if (history.infeasible().isEmpty()) {
      return ALWAYS;
    }
    SearchSpace space = history.space();
    List<double[]> xs = new ArrayList<>();
    List<Config> configs = new ArrayList<>();
    List<Double> ys = new ArrayList<>();
    List<Trial> trials = history.trials();
    for (int i = trials.size() - 1; i >= 0 && xs.size() < MAX_TRIALS; i--) {
      Trial t = trials.get(i);
      if (t.state() == TrialState.COMPLETE || t.state() == TrialState.INFEASIBLE) {
        xs.add(space.encode(t.config()));
        configs.add(t.config());
        ys.add(t.state() == TrialState.COMPLETE ? 1.0 : 0.0);
      }
    }
    double[][] points = xs.toArray(new double[0][]);
    double[] labels = ys.stream().mapToDouble(Double::doubleValue).toArray();
    double feasible = 0;
    for (double y : labels) {
      feasible += y;
    }
    double prior = (feasible + 1) / (labels.length + 2);
    MixedDistance distance = new MixedDistance(space);
    double[][] squared = pairwise(distance, points);
    double meanSquared = Math.max(space.dimension(), 1) / 6.0;
    double bestScale = SCALES[0];
    double bestLikelihood = Double.NEGATIVE_INFINITY;
    for (double scale : SCALES) {
      double likelihood = leaveOneOut(squared, labels, prior, 2 * scale * meanSquared);
      if (likelihood > bestLikelihood) {
        bestLikelihood = likelihood;
        bestScale = scale;
      }
    }
    ForestClassifier forest = feasible > 0
        ? ForestClassifier.fit(space, configs, labels, new Random(Seeds.mix(FOREST_SEED, labels.length))) : null;
    return new FeasibilityModel(space, distance, points, labels, prior, 2 * bestScale * meanSquared, forest);
  }

  /** True when the model has learned something: the study has infeasible trials. */
  public boolean learned() {
    return space != null;
  }

  /**
   * True when some config has also run: only then does the model know where to go, not just where not to.
   * Before that its highest values lie farthest from every trial, on the edges of the cube, so searching by
   * it would fill the edges while a uniform design samples the inside too.
   */
  public boolean knowsAFeasibleConfig() {
    return forest != null;
  }

  /** log P(feasible): the term a tool adds to a log acquisition value. */
  public double logProbability(Config config) {
    return learned() ? Math.log(probability(config)) : 0;
  }

  public double probability(Config config) {
    if (!learned()) {
      return 1;
    }
    double kernel = kernelProbability(space.encode(config));
    return forest == null ? kernel : clamp(FOREST_WEIGHT * forest.probability(config) + (1 - FOREST_WEIGHT) * kernel);
  }

  /** The kernel classifier's estimate at a unit-cube encoding ({@link SearchSpace#encode}). */
  double kernelProbability(double[] unit) {
    double weight = PSEUDO_TRIALS;
    double mass = PSEUDO_TRIALS * prior;
    for (int i = 0; i < points.length; i++) {
      double w = Math.exp(-distance.squared(unit, points[i]) / twoScaleSquared);
      weight += w;
      mass += w * labels[i];
    }
    return clamp(mass / weight);
  }

  private static double clamp(double p) {
    return Math.min(1 - FLOOR, Math.max(FLOOR, p));
  }

  private static double[][] pairwise(MixedDistance distance, double[][] points) {
    int n = points.length;
    double[][] out = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        out[i][j] = distance.squared(points[i], points[j]);
        out[j][i] = out[i][j];
      }
    }
    return out;
  }

  private static double leaveOneOut(double[][] squared, double[] labels, double prior, double twoScaleSquared) {
    double sum = 0;
    for (int i = 0; i < labels.length; i++) {
      double weight = PSEUDO_TRIALS;
      double mass = PSEUDO_TRIALS * prior;
      for (int j = 0; j < labels.length; j++) {
        if (j != i) {
          double w = Math.exp(-squared[i][j] / twoScaleSquared);
          weight += w;
          mass += w * labels[j];
        }
      }
      double p = clamp(mass / weight);
      sum += labels[i] > 0.5 ? Math.log(p) : Math.log(1 - p);
    }
    return sum;
  }
}
