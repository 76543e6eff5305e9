package dev.asap.optimizer.forest;

import dev.asap.optimizer.CandidateScorer;
import dev.asap.optimizer.History;
import dev.asap.optimizer.Optimizer;
import dev.asap.optimizer.Proposal;
import dev.asap.optimizer.Seeds;
import dev.asap.optimizer.UnseenConfigs;
import dev.asap.optimizer.sobol.SobolSearch;
import dev.asap.space.Config;
import dev.asap.space.SearchSpace;
import dev.asap.trial.Trial;
import dev.asap.trial.TrialState;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Random-forest Bayesian optimisation in the manner of SMAC3's hyperparameter-optimisation facade.
 *
 * <ol>
 *   <li>A scrambled Sobol design for the first {@code max(10, d)} trials.</li>
 *   <li>Then, for every proposal, a forest is refitted on all trials: observed losses, failed and pruned
 *       trials at the worst observed loss (SMAC imputes crashes with the worst cost), and running trials at
 *       the median observed loss (a constant liar, so that parallel workers get different proposals).</li>
 *   <li>With probability 0.2 the proposal is a uniformly random config (SMAC's interleaved random design);
 *       otherwise it maximises log expected improvement by local search from the five best evaluated configs
 *       and the five best of 1,000 random points, and takes the best-scoring config not yet tried.</li>
 * </ol>
 *
 * <p>Every model-based proposal, random ones included, carries the forest's prediction of its loss. All
 * randomness of a call derives from the seed and the history's size, so the same history gives the same
 * proposal, also in a new instance after a resume. Encodings are cached per trial number, which keeps a
 * refit after every trial cheap. Instances are not thread-safe.
 */
public final class ForestOptimizer implements Optimizer, CandidateScorer {
  /** SMAC's HPO facade: ProbabilityRandomDesign(probability=0.2). */
  private static final double RANDOM_PROBABILITY = 0.2;
  /**
   * Random points scored per proposal. SMAC's HPO facade scores 10,000 challengers but retrains only every
   * 8 configs (about 1,250 per proposal); this tool refits and re-searches for every proposal.
   */
  private static final int RANDOM_CANDIDATES = 1_000;
  /**
   * Ten climbs per proposal, SMAC's local_search_iterations: from the best evaluated configs and, as in
   * SMAC's LocalAndSortedRandomSearch, from the best random points.
   */
  private static final int OBSERVED_STARTS = 5;
  private static final int RANDOM_STARTS = 5;
  /** Fewer observed losses than this cannot be split by trees with min_samples_split 3. */
  private static final int MIN_OBSERVATIONS = 3;
  private static final Comparator<Candidate> BEST_FIRST = Comparator.comparingDouble(Candidate::score).reversed();

  private final SearchSpace space;
  private final long seed;
  private final FeatureEncoder encoder;
  private final SobolSearch design;
  private final int designSize;
  private final ForestSettings settings = ForestSettings.smac();
  private final Map<Integer, Encoded> encoded;
  /** The forest of the latest proposal, for scoring other tools' candidates; null during the design. */
  private volatile ForestModel lastModel;

  public ForestOptimizer(SearchSpace space, long seed) {
    this.space = space;
    this.seed = seed;
    this.encoder = new FeatureEncoder(space);
    this.design = new SobolSearch(space.dimension(), seed);
    this.designSize = Math.max(10, space.dimension());
    this.encoded = new HashMap<>();
  }

  /** A copy of the design's position and of the encodings (which are never modified, so shared). */
  private ForestOptimizer(ForestOptimizer other) {
    this.space = other.space;
    this.seed = other.seed;
    this.encoder = other.encoder;
    this.design = other.design.fork();
    this.designSize = other.designSize;
    this.encoded = new HashMap<>(other.encoded);
    this.lastModel = other.lastModel; // a fitted forest is only read
  }

  @Override
  public String name() {
    return "forest";
  }

  @Override
  public ForestOptimizer fork() {
    return new ForestOptimizer(this);
  }

  @Override
  public boolean predicts() {
    return true;
  }

  @Override
  public Proposal propose(History history) {
    Random random = Seeds.random(seed, history.size());
    TrainingSet data = trainingSet(history);
    if (history.size() < designSize || data.observed.length < MIN_OBSERVATIONS) {
      lastModel = null;
      return new Proposal(design.propose(history).config(), name(), null, 0);
    }
    ForestModel model = ForestModel.fit(data.rows, data.losses, data.observed, encoder.cardinalities(), settings,
        random);
    lastModel = model;
    Config config = random.nextDouble() < RANDOM_PROBABILITY ? space.sample(random)
        : maximiseAcquisition(history, data, model, random);
    config = UnseenConfigs.orFresh(history, config, random);
    return new Proposal(config, name(), model.predictLoss(encoder.encode(config)), 0);
  }

  /** Log EI of each config under the forest of the latest proposal (the same acquisition it maximises). */
  @Override
  public double[] logExpectedImprovement(List<Config> configs) {
    ForestModel model = lastModel;
    if (model == null) {
      return null;
    }
    ExpectedImprovement ei = new ExpectedImprovement(model.incumbent());
    double[] out = new double[configs.size()];
    for (int i = 0; i < out.length; i++) {
      RandomForest.MeanVar p = model.predict(encoder.encode(configs.get(i)));
      out[i] = ei.logValue(p.mean(), p.variance());
    }
    return out;
  }

  /** Under the forest's Gaussian on log-scaled losses (the transform is monotone). */
  @Override
  public double[] probabilityBelow(List<Config> configs, double threshold) {
    ForestModel model = lastModel;
    if (model == null) {
      return null;
    }
    double[] out = new double[configs.size()];
    double t = model.scaled(threshold);
    for (int i = 0; i < out.length; i++) {
      RandomForest.MeanVar p = model.predict(encoder.encode(configs.get(i)));
      double sd = Math.sqrt(Math.max(p.variance(), 1e-12));
      out[i] = CandidateScorer.normalCdf((t - p.mean()) / sd);
    }
    return out;
  }

  private Config maximiseAcquisition(History history, TrainingSet data, ForestModel model, Random random) {
    Scorer scorer = new Scorer(model);
    int d = space.dimension();
    List<Candidate> sampled = new ArrayList<>(RANDOM_CANDIDATES);
    for (int i = 0; i < RANDOM_CANDIDATES; i++) {
      double[] unit = new double[d];
      for (int j = 0; j < d; j++) {
        unit[j] = random.nextDouble();
      }
      sampled.add(scorer.score(unit, encoder.features(unit)));
    }
    sampled.sort(BEST_FIRST);

    List<Candidate> starts = new ArrayList<>();
    for (int i : data.bestObserved(OBSERVED_STARTS)) {
      starts.add(scorer.score(encoder.unit(data.configs[i], random), data.rows[i]));
    }
    starts.addAll(sampled.subList(0, Math.min(RANDOM_STARTS, sampled.size())));
    LocalSearch search = new LocalSearch(encoder, scorer);
    // Random points first: on ties (a forest that predicts the same everywhere) the stable sort keeps them
    // ahead of the climbs' end points, as SMAC does.
    List<Candidate> pool = new ArrayList<>(sampled);
    for (Candidate start : starts) {
      pool.add(search.climb(start, random));
    }
    pool.sort(BEST_FIRST);
    // Climbs often end on an evaluated config (the forest still likes it): take the best one not tried yet.
    for (Candidate c : pool) {
      Config config = space.decode(c.unit());
      if (!history.contains(config)) {
        return config;
      }
    }
    return space.decode(pool.get(0).unit());
  }

  /** Rows for every trial the model learns from: observed first, then failed or pruned, then running. */
  private TrainingSet trainingSet(History history) {
    List<Trial> observedTrials = new ArrayList<>();
    List<Double> observedLosses = new ArrayList<>();
    for (Trial t : history.completed()) {
      double loss = t.value() == null ? Double.NaN : history.loss(t);
      if (Double.isFinite(loss)) {
        observedTrials.add(t);
        observedLosses.add(loss);
      }
    }
    List<Trial> failed = new ArrayList<>();
    for (Trial t : history.trials()) {
      // SMAC's crash handling: a config that failed or could not run counts as the worst loss seen.
      if ((t.state() == TrialState.FAILED && !t.wasInterrupted()) || t.state() == TrialState.PRUNED
          || t.state() == TrialState.INFEASIBLE) {
        failed.add(t);
      }
    }
    List<Trial> pending = history.pending();
    int n = observedTrials.size();
    double[] observed = new double[n];
    for (int i = 0; i < n; i++) {
      observed[i] = observedLosses.get(i);
    }
    int total = n + failed.size() + pending.size();
    double[][] rows = new double[total][];
    double[] losses = new double[total];
    Config[] configs = new Config[total];
    if (n == 0) {
      return new TrainingSet(rows, losses, observed, configs);
    }
    double[] sorted = observed.clone();
    Arrays.sort(sorted);
    double worst = sorted[n - 1];
    double median = n % 2 == 1 ? sorted[n / 2] : 0.5 * (sorted[n / 2 - 1] + sorted[n / 2]);
    int row = 0;
    for (int i = 0; i < n; i++, row++) {
      add(rows, losses, configs, row, observedTrials.get(i), observed[i]);
    }
    for (Trial t : failed) {
      add(rows, losses, configs, row++, t, worst);
    }
    for (Trial t : pending) {
      add(rows, losses, configs, row++, t, median);
    }
    return new TrainingSet(rows, losses, observed, configs);
  }

  private void add(double[][] rows, double[] losses, Config[] configs, int row, Trial t, double loss) {
    rows[row] = features(t);
    losses[row] = loss;
    configs[row] = t.config();
  }

  /** Cached per trial number: a trial's config never changes, so refits re-encode nothing. */
  private double[] features(Trial t) {
    Encoded e = encoded.get(t.number());
    if (e == null || !e.config.equals(t.config())) {
      e = new Encoded(t.config(), encoder.encode(t.config()));
      encoded.put(t.number(), e);
    }
    return e.features;
  }


  private record Encoded(Config config, double[] features) {}

  /** Log expected improvement under the forest, re-walking only the trees a local move can affect. */
  private static final class Scorer implements LocalSearch.Scorer {
    private final ForestModel model;
    private final ExpectedImprovement ei;

    Scorer(ForestModel model) {
      this.model = model;
      this.ei = new ExpectedImprovement(model.incumbent());
    }

    @Override
    public Candidate score(double[] unit, double[] features) {
      return scored(unit, features, model.route(features));
    }

    @Override
    public Candidate rescore(Candidate from, double[] unit, double[] features, int changed) {
      return scored(unit, features, model.reroute(from.route(), features, changed));
    }

    private Candidate scored(double[] unit, double[] features, RandomForest.Route route) {
      RandomForest.MeanVar p = model.predict(route);
      return new Candidate(unit, features, ei.logValue(p.mean(), p.variance()), route);
    }
  }

  /** The model's training rows; the first {@code observed.length} rows are the observed trials. */
  private record TrainingSet(double[][] rows, double[] losses, double[] observed, Config[] configs) {
    /** Indices of the observed rows with the lowest losses, best first (ties by trial order). */
    int[] bestObserved(int count) {
      Integer[] idx = new Integer[observed.length];
      for (int i = 0; i < idx.length; i++) {
        idx[i] = i;
      }
      Arrays.sort(idx, Comparator.comparingDouble(i -> observed[i]));
      int k = Math.min(count, idx.length);
      int[] out = new int[k];
      for (int i = 0; i < k; i++) {
        out[i] = idx[i];
      }
      return out;
    }
  }
}
