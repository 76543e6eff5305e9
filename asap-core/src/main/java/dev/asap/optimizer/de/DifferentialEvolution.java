package dev.asap.optimizer.de;

import dev.asap.optimizer.FinishedTrials;
import dev.asap.optimizer.History;
import dev.asap.optimizer.Optimizer;
import dev.asap.optimizer.Proposal;
import dev.asap.optimizer.Seeds;
import dev.asap.optimizer.UnseenConfigs;
import dev.asap.space.Config;
import dev.asap.space.SearchSpace;
import dev.asap.trial.Trial;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Asynchronous differential evolution as in DEHB (Awad, Mallik and Hutter, IJCAI 2021).
 *
 * <p><b>Encoding.</b> Every parameter, categorical included, is one coordinate of the space's unit cube;
 * trial vectors are clipped to [0, 1] and decoded, so integers, ordinals and categoricals are binned by the
 * decoding and parameters that a vector's choices make inactive are ignored (their coordinates still evolve).
 *
 * <p><b>Defaults.</b> Population 20 (DEHB's default; ten per dimension would spend whole HPO budgets on the
 * first generation), an initial design of scrambled Sobol points ({@link InitialDesign}), and
 * {@link Variation.Strategy#CURRENT_TO_BEST_1} with binomial crossover, F = 0.5, CR = 0.5.
 * Current-to-best rather than DEHB's rand/1: a budget of a hundred trials is four or five generations of
 * twenty, too few for rand/1 to pull the population together; DEHB can afford rand/1 because its brackets
 * evaluate far more (cheap) configs.
 *
 * <p><b>Asynchronous</b> (DEHB's "immediate" AsyncDE): each proposal is the trial vector for the next target
 * in round-robin order, skipping targets whose trial is still pending; when its result arrives it replaces
 * the target if it is at least as good ({@link Population#offer}). Failed trials never win. A trial vector
 * that decodes to a config already evaluated or pending is redrawn; {@link UnseenConfigs} is the last resort.
 *
 * <p><b>Foreign trials.</b> Results already in the history at the first call seed the population (the best
 * ones, up to its size); later completed trials that this tool did not propose replace the worst member when
 * they are better. Own proposals are recognised by config.
 *
 * <p>Reproducible: all randomness of a proposal comes from a generator seeded by the seed and the history's
 * size.
 */
public final class DifferentialEvolution implements Optimizer {
  public static final String NAME = "de";
  static final int POPULATION = 20;
  /** Redraws of a trial vector whose config was already tried, before falling back to uniform sampling. */
  static final int REDRAWS = 50;

  private final SearchSpace space;
  private final long seed;
  private final Variation variation;
  private final FinishedTrials finished;
  /** Own proposals not yet finished, by config. */
  private final Map<Config, Candidate> inFlight;
  private Population population;
  /** Whether each slot's initial point has been proposed (or given by a result already). */
  private boolean[] seeded;

  /** Salt of the random stream used to absorb results. */
  private static final long ABSORB_STREAM = 0xAB5;

  /**
   * A proposal in flight: its target slot and trial vector, whether it was an initial-design point, and the
   * population's round-robin cursor before it (to rewind on a discard).
   */
  private record Candidate(int slot, double[] vector, boolean seeding, int cursor) {}

  public DifferentialEvolution(SearchSpace space, long seed) {
    this(space, seed, Variation.Strategy.CURRENT_TO_BEST_1);
  }

  DifferentialEvolution(SearchSpace space, long seed, Variation.Strategy strategy) {
    this.space = space;
    this.seed = seed;
    this.variation = new Variation(strategy);
    this.finished = new FinishedTrials();
    this.inFlight = new HashMap<>();
  }

  private DifferentialEvolution(DifferentialEvolution other) {
    this.space = other.space;
    this.seed = other.seed;
    this.variation = other.variation;
    this.finished = other.finished.copy();
    this.inFlight = new HashMap<>(other.inFlight); // candidates are immutable
    this.population = other.population == null ? null : new Population(other.population);
    this.seeded = other.seeded == null ? null : other.seeded.clone();
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Proposal propose(History history) {
    Random random = Seeds.random(seed, history.size());
    if (population == null) {
      start(history, random);
    } else {
      // Its own stream: absorbing results happens once per history, and must not shift the draws of a
      // proposal made again for the same history (after a discard).
      absorb(history, Seeds.random(seed, history.size(), ABSORB_STREAM));
    }
    int slot = firstUnseeded();
    int cursor = population.cursor();
    boolean seeding = slot >= 0;
    double[] vector;
    if (seeding) {
      seeded[slot] = true;
      vector = population.vector(slot);
    } else {
      slot = population.nextTarget();
      vector = variation.trial(population, slot, random);
      for (int k = 0; k < REDRAWS && history.contains(space.decode(vector)); k++) {
        vector = variation.trial(population, slot, random);
      }
    }
    Config config = space.decode(vector);
    if (history.contains(config)) {
      config = UnseenConfigs.orFresh(history, config, random);
      vector = vectorOf(config, vector);
    }
    population.addPending(slot);
    inFlight.put(config, new Candidate(slot, vector, seeding, cursor));
    return new Proposal(config, NAME, null, 0);
  }

  @Override
  public DifferentialEvolution fork() {
    return new DifferentialEvolution(this);
  }

  @Override
  public void discard(Proposal proposal) {
    Candidate c = inFlight.remove(proposal.config());
    if (c == null) {
      return;
    }
    population.removePending(c.slot());
    if (c.seeding()) {
      seeded[c.slot()] = false;
    } else {
      population.rewind(c.cursor());
    }
  }

  /** Builds the population: the best results already in the history, then Sobol points to propose. */
  private void start(History history, Random random) {
    int d = space.dimension();
    population = new Population(POPULATION);
    seeded = new boolean[POPULATION];
    double[][] design = InitialDesign.points(POPULATION, d, random);
    for (int i = 0; i < POPULATION; i++) {
      population.place(i, design[i], Double.POSITIVE_INFINITY);
    }
    List<Trial> done = new ArrayList<>();
    for (Trial t : finished.newSince(history)) {
      if (t.isComplete()) {
        done.add(t);
      }
    }
    done.sort(Comparator.comparingDouble((Trial t) -> loss(history, t)).thenComparingInt(Trial::number));
    for (int i = 0; i < Math.min(POPULATION, done.size()); i++) {
      Trial t = done.get(i);
      population.place(i, vectorOf(t.config(), design[i]), loss(history, t));
      seeded[i] = true;
    }
  }

  /** Selection for own results; foreign results replace the worst member when better. */
  private void absorb(History history, Random random) {
    for (Trial t : finished.newSince(history)) {
      double loss = t.isComplete() ? loss(history, t) : Double.POSITIVE_INFINITY;
      Candidate own = inFlight.remove(t.config());
      if (own != null) {
        population.removePending(own.slot());
        population.offer(own.slot(), own.vector(), loss);
      } else if (t.isComplete()) {
        int worst = population.worst();
        if (loss < population.loss(worst)) {
          population.place(worst, vectorOf(t.config(), uniform(random)), loss);
          seeded[worst] = true;
        }
      }
    }
  }

  private int firstUnseeded() {
    for (int i = 0; i < seeded.length; i++) {
      if (!seeded[i]) {
        return i;
      }
    }
    return -1;
  }

  /** The unit vector of a config; inactive parameters keep {@code fill}'s coordinates. */
  private double[] vectorOf(Config config, double[] fill) {
    double[] v = space.encode(config);
    for (int i = 0; i < v.length; i++) {
      if (Double.isNaN(v[i])) {
        v[i] = fill[i];
      }
    }
    return v;
  }

  private double[] uniform(Random random) {
    double[] u = new double[space.dimension()];
    for (int i = 0; i < u.length; i++) {
      u[i] = random.nextDouble();
    }
    return u;
  }

  private static double loss(History history, Trial t) {
    double v = history.loss(t);
    return Double.isNaN(v) ? Double.POSITIVE_INFINITY : v;
  }

  /** The population (for tests); null before the first proposal. */
  Population population() {
    return population;
  }
}
