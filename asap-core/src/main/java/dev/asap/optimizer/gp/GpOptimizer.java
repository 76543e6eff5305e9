package dev.asap.optimizer.gp;

import dev.asap.optimizer.CandidateScorer;
import dev.asap.optimizer.History;
import dev.asap.optimizer.Optimizer;
import dev.asap.optimizer.Proposal;
import dev.asap.optimizer.Seeds;
import dev.asap.optimizer.UnseenConfigs;
import dev.asap.optimizer.feasibility.FeasibilityModel;
import dev.asap.optimizer.feasibility.FeasibleSearch;
import dev.asap.optimizer.feasibility.Violation;
import dev.asap.optimizer.sobol.SobolSearch;
import dev.asap.space.Config;
import dev.asap.space.SearchSpace;
import dev.asap.trial.Trial;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Gaussian-process Bayesian optimisation: a Matérn-5/2 × Hamming GP ({@link Kernel}) on warped, standardised
 * losses ({@link LossWarping}) with MAP hyperparameters ({@link HyperparameterFit}), and log expected improvement
 * ({@link LogExpectedImprovement}) maximised over the space ({@link AcquisitionOptimizer}).
 *
 * <p>The first max(5, d + 1) trials come from a scrambled Sobol design. Once the study has infeasible trials, log-EI
 * is weighted by P(feasible) ({@link FeasibilityModel}) and infeasible trials enter the model at the worst loss
 * seen (SMAC's crash cost), and when the design is spent with too few complete
 * trials to fit, the model minimises the violation the objective reports for infeasible configs, or, without
 * one, proposals go where configs are most likely to run (once one has; before, the Sobol design goes on). Pending trials enter the model as
 * "Kriging believer" fantasies (observed at their posterior mean), which leaves the mean unchanged but removes
 * the uncertainty around them, so parallel workers get distinct proposals. Each proposal carries the predicted
 * loss: mean and standard deviation in loss units of the noisy observation (noise included).
 *
 * <p>The instance caches encodings, the last hyperparameter fit and the last factorised model, but every cached
 * value is a function of the seed and the completed trials it was keyed on, and each call draws its randomness
 * from the seed and the history's size: the same history gives the same proposal, resumed or not.
 */
public final class GpOptimizer implements Optimizer, CandidateScorer {
  /** The most recent infeasible trials the model learns from; older ones add cost more than information. */
  static final int MAX_INFEASIBLE_ROWS = 300;
  /** Feasible trials needed, besides the design, before a model of the objective is fitted. */
  static final int MIN_FEASIBLE = 3;
  private final SearchSpace space;
  private final long seed;
  private final FeatureMap map;
  private final SobolSearch startup;
  private final AcquisitionOptimizer acquisition;
  private final int initialTrials;
  private final Map<Integer, Encoded> encodings;
  private FitCache fitCache;
  private ModelCache modelCache;
  /** The model of the latest proposal and its incumbent (warped units), for scoring other tools' configs. */
  private volatile Scoring lastScoring;

  /** The latest fit; {@code warping} is null when the model is of violations, not losses. */
  private record Scoring(GaussianProcess gp, double incumbent, FeasibilityModel feasibility, LossWarping warping) {}

  private record Encoded(Config config, double[] unit, double[] features) {}

  private record FitCache(Encoded[] trials, double[] losses, Hyperparameters hyperparameters) {}

  private record ModelCache(Hyperparameters hyperparameters, List<Encoded> rows, GaussianProcess gp) {}

  public GpOptimizer(SearchSpace space, long seed) {
    this.space = space;
    this.seed = seed;
    this.map = new FeatureMap(space);
    this.startup = new SobolSearch(space.dimension(), seed);
    this.acquisition = new AcquisitionOptimizer(space, map);
    this.initialTrials = Math.max(5, space.dimension() + 1);
    this.encodings = new HashMap<>();
  }

  /**
   * A copy of {@code other}'s caches. Encodings, fits and hyperparameters are never modified once made, so they are
   * shared; that also keeps the identity checks of {@link #model} hitting in the copy as they would in the
   * original. The cached GP grows with each proposal, so it is copied, once: the latest scoring model is the same
   * object when the last proposal used the model, and so it stays in the copy.
   */
  private GpOptimizer(GpOptimizer other) {
    this.space = other.space;
    this.seed = other.seed;
    this.map = other.map;
    this.startup = other.startup.fork();
    this.acquisition = other.acquisition;
    this.initialTrials = other.initialTrials;
    this.encodings = new HashMap<>(other.encodings);
    this.fitCache = other.fitCache;
    ModelCache cache = other.modelCache;
    Scoring scoring = other.lastScoring;
    GaussianProcess cachedGp = cache == null ? null : new GaussianProcess(cache.gp());
    this.modelCache = cache == null ? null : new ModelCache(cache.hyperparameters(), cache.rows(), cachedGp);
    if (scoring != null) {
      GaussianProcess gp = cache != null && scoring.gp() == cache.gp() ? cachedGp : new GaussianProcess(scoring.gp());
      this.lastScoring = new Scoring(gp, scoring.incumbent(), scoring.feasibility(), scoring.warping());
    }
  }

  @Override
  public String name() {
    return "gp";
  }

  @Override
  public GpOptimizer fork() {
    return new GpOptimizer(this);
  }

  @Override
  public boolean predicts() {
    return true;
  }

  @Override
  public Proposal propose(History history) {
    Random random = Seeds.random(seed, history.size());
    FeasibilityModel feasibility = FeasibilityModel.of(history);
    Targets targets = space.dimension() == 0 ? null : targets(history, feasibility);
    if (targets == null) {
      lastScoring = null;
      if (feasibility.knowsAFeasibleConfig() && history.evaluatedCount() >= initialTrials
          && space.dimension() > 0) {
        // The design is spent but too few configs ran to fit a model: look where configs are likely to run.
        return new Proposal(FeasibleSearch.mostLikely(history, feasibility, random), name(), null, 0);
      }
      Proposal p = startup.propose(history);
      return new Proposal(p.config(), name(), null, 0);
    }
    int n = targets.trials().size();
    double[] losses = targets.values();
    Encoded[] trials = new Encoded[n];
    for (int i = 0; i < n; i++) {
      trials[i] = encoded(targets.trials().get(i));
    }
    Hyperparameters hyper = hyperparameters(trials, losses, DataPlan.fitPoint(n, initialTrials));
    LossWarping warping = LossWarping.fit(losses);
    int[] rows = DataPlan.posteriorRows(losses, n);
    GaussianProcess gp = model(hyper, trials, rows);
    double[] y = new double[rows.length];
    for (int r = 0; r < rows.length; r++) {
      y[r] = warping.apply(losses[rows[r]]);
    }
    gp.setTargets(y);
    // A model of violations already heads for where configs run; P(feasible) knows nothing better yet.
    FeasibilityModel weighting = targets.violations() ? FeasibilityModel.ALWAYS : feasibility;
    Config chosen = maximiseExpectedImprovement(gp, y, history, incumbents(trials, losses), weighting, random);
    lastScoring = new Scoring(gp, Arrays.stream(y).min().orElse(Double.POSITIVE_INFINITY), weighting,
        targets.violations() ? null : warping);
    Config config = UnseenConfigs.orFresh(history, chosen == null ? space.sample(random) : chosen, random);
    double[] mean = new double[1];
    double[] variance = new double[1];
    gp.predict(new double[][] {map.features(space.encode(config))}, 1, mean, variance);
    // A model of violations predicts no loss.
    return new Proposal(config, name(), targets.violations() ? null
        : warping.predict(mean[0], Math.sqrt(variance[0] + gp.noise())), 0);
  }

  /**
   * What the model fits, in trial order of the rows: the trials and their targets, and whether the targets are
   * violations rather than losses.
   */
  private record Targets(List<Trial> trials, double[] values, boolean violations) {}

  /** The model's rows, or null while the design goes on. */
  private Targets targets(History history, FeasibilityModel feasibility) {
    List<Trial> feasible = new ArrayList<>();
    for (Trial t : history.completed()) {
      if (Double.isFinite(history.loss(t))) {
        feasible.add(t);
      }
    }
    if (!feasibility.learned()) {
      return feasible.size() < initialTrials ? null : lossTargets(history, feasible, List.of());
    }
    if (history.evaluatedCount() < initialTrials) {
      return null;
    }
    List<Trial> infeasible = history.infeasible();
    infeasible = infeasible.subList(Math.max(0, infeasible.size() - MAX_INFEASIBLE_ROWS), infeasible.size());
    return feasible.size() >= MIN_FEASIBLE ? lossTargets(history, feasible, infeasible)
        : violationTargets(feasible, infeasible);
  }

  /**
   * Losses, with SMAC's crash cost for infeasible trials: a config that cannot run counts as the worst loss seen,
   * so the model itself learns that nothing good lies past the edge of the feasible region (where most
   * constrained optima sit).
   */
  private static Targets lossTargets(History history, List<Trial> feasible, List<Trial> infeasible) {
    List<Trial> rows = new ArrayList<>(feasible);
    rows.addAll(infeasible);
    double[] values = new double[rows.size()];
    double worst = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < feasible.size(); i++) {
      values[i] = history.loss(feasible.get(i));
      worst = Math.max(worst, values[i]);
    }
    Arrays.fill(values, feasible.size(), values.length, worst);
    return new Targets(rows, values, false);
  }

  /**
   * Before enough configs ran, the distance from running where the objective reports it ({@link Violation}):
   * feasible trials at 0. Minimising it heads for the feasible region instead of sampling blindly. Null when
   * too few trials say how far they were.
   */
  private Targets violationTargets(List<Trial> feasible, List<Trial> infeasible) {
    List<Trial> rows = new ArrayList<>(feasible);
    List<Double> values = new ArrayList<>(java.util.Collections.nCopies(feasible.size(), 0.0));
    for (Trial t : infeasible) {
      Double v = Violation.of(t);
      if (v != null) {
        rows.add(t);
        values.add(Math.log1p(v)); // violations span orders of magnitude (bytes, psi, ratios)
      }
    }
    if (rows.size() - feasible.size() < initialTrials) {
      return null;
    }
    return new Targets(rows, values.stream().mapToDouble(Double::doubleValue).toArray(), true);
  }

  /**
   * The unseen config of highest log-EI, with pending trials as fantasies; the model is left without them. The
   * incumbent is the lowest target, fantasies included (they are "believed" observations).
   */
  private Config maximiseExpectedImprovement(GaussianProcess gp, double[] y, History history,
      List<double[]> incumbents, FeasibilityModel feasibility, Random random) {
    int base = gp.size();
    double best = Double.POSITIVE_INFINITY;
    for (double v : y) {
      best = Math.min(best, v);
    }
    double incumbent = Math.min(best, addFantasies(gp, y, history));
    AcquisitionOptimizer.Scorer scorer = (features, count, out) -> {
      double[] mean = new double[count];
      double[] variance = new double[count];
      gp.predict(features, count, mean, variance);
      for (int i = 0; i < count; i++) {
        out[i] = LogExpectedImprovement.value(mean[i], Math.sqrt(variance[i]), incumbent);
      }
    };
    Config chosen = acquisition.maximise(scorer, feasibility, history, incumbents, random);
    if (gp.size() > base) {
      gp.truncate(base);
      gp.setTargets(y);
    }
    return chosen;
  }

  @Override
  public double[] logExpectedImprovement(List<Config> configs) {
    Scoring scoring = lastScoring;
    if (scoring == null || configs.isEmpty()) {
      return null;
    }
    double[][] posterior = posterior(scoring, configs);
    double[] out = new double[configs.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = LogExpectedImprovement.value(posterior[0][i], Math.sqrt(posterior[1][i]), scoring.incumbent())
          + scoring.feasibility().logProbability(configs.get(i));
    }
    return out;
  }

  /** Under the GP on warped losses; the warping is monotone, so the event is the same on both scales. */
  @Override
  public double[] probabilityBelow(List<Config> configs, double threshold) {
    Scoring scoring = lastScoring;
    if (scoring == null || scoring.warping() == null || configs.isEmpty()) {
      return null;
    }
    double[][] posterior = posterior(scoring, configs);
    double warped = scoring.warping().apply(threshold);
    double[] out = new double[configs.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = CandidateScorer.normalCdf((warped - posterior[0][i])
          / Math.sqrt(posterior[1][i] + scoring.gp().noise()));
    }
    return out;
  }

  /** The scoring model's posterior mean (row 0) and variance (row 1) of each config's warped loss. */
  private double[][] posterior(Scoring scoring, List<Config> configs) {
    double[][] features = new double[configs.size()][];
    for (int i = 0; i < features.length; i++) {
      features[i] = map.features(space.encode(configs.get(i)));
    }
    double[][] out = new double[2][features.length];
    scoring.gp().predict(features, features.length, out[0], out[1]);
    return out;
  }

  /** Adds pending trials at their posterior mean; returns the lowest such mean (or +∞). */
  private double addFantasies(GaussianProcess gp, double[] y, History history) {
    List<Trial> all = history.pending();
    if (all.isEmpty()) {
      return Double.POSITIVE_INFINITY;
    }
    double[][] features = new double[all.size()][];
    for (int i = 0; i < features.length; i++) {
      features[i] = map.features(space.encode(all.get(i).config()));
    }
    double[] mean = new double[features.length];
    double[] variance = new double[features.length];
    gp.predict(features, features.length, mean, variance);
    double[] targets = Arrays.copyOf(y, y.length + features.length);
    double lowest = Double.POSITIVE_INFINITY;
    for (int i = 0; i < features.length; i++) {
      gp.add(features[i]);
      targets[y.length + i] = mean[i];
      lowest = Math.min(lowest, mean[i]);
    }
    gp.setTargets(targets);
    return lowest;
  }

  private Hyperparameters hyperparameters(Encoded[] trials, double[] losses, int m) {
    Encoded[] head = Arrays.copyOf(trials, m);
    double[] headLosses = Arrays.copyOf(losses, m);
    if (fitCache != null && Arrays.equals(fitCache.trials(), head) && Arrays.equals(fitCache.losses(), headLosses)) {
      return fitCache.hyperparameters();
    }
    int[] rows = DataPlan.fitRows(headLosses, m);
    LossWarping warping = LossWarping.fit(headLosses);
    double[][] features = new double[rows.length][];
    double[] targets = new double[rows.length];
    for (int r = 0; r < rows.length; r++) {
      features[r] = head[rows[r]].features();
      targets[r] = warping.apply(headLosses[rows[r]]);
    }
    Hyperparameters h = HyperparameterFit.fit(features, targets, map.numeric(), map.group(), map.lengthscales(),
        Seeds.mix(seed, m));
    fitCache = new FitCache(head, headLosses, h);
    return h;
  }

  /** The cached model extended by the new rows when it is a prefix of them, else a model built afresh. */
  private GaussianProcess model(Hyperparameters hyper, Encoded[] trials, int[] rows) {
    List<Encoded> wanted = new ArrayList<>(rows.length);
    for (int r : rows) {
      wanted.add(trials[r]);
    }
    ModelCache cache = modelCache;
    boolean prefix = cache != null && cache.hyperparameters() == hyper && cache.rows().size() <= wanted.size();
    for (int i = 0; prefix && i < cache.rows().size(); i++) {
      prefix = cache.rows().get(i) == wanted.get(i);
    }
    GaussianProcess gp = prefix ? cache.gp() : new GaussianProcess(new Kernel(map.numeric(), map.group(), hyper), hyper.noise());
    int reuse = prefix ? cache.rows().size() : 0;
    for (int i = reuse; i < wanted.size(); i++) {
      gp.add(wanted.get(i).features());
    }
    modelCache = new ModelCache(hyper, wanted, gp);
    return gp;
  }

  /** Unit coordinates of the best trials, best first. */
  private static List<double[]> incumbents(Encoded[] trials, double[] losses) {
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < trials.length; i++) {
      order.add(i);
    }
    order.sort(Comparator.comparingDouble((Integer i) -> losses[i]).thenComparingInt(i -> i));
    List<double[]> out = new ArrayList<>();
    for (int k = 0; k < Math.min(5, order.size()); k++) {
      out.add(trials[order.get(k)].unit());
    }
    return out;
  }

  private Encoded encoded(Trial t) {
    Encoded e = encodings.get(t.number());
    if (e == null || !e.config().equals(t.config())) {
      double[] unit = space.encode(t.config());
      e = new Encoded(t.config(), unit, map.features(unit));
      encodings.put(t.number(), e);
    }
    return e;
  }
}
