package dev.asap.optimizer.cmaes;

import dev.asap.space.Config;
import dev.asap.space.SearchSpace;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;

/**
 * One IPOP run: a Gaussian with its integer margin, the categorical distributions, the termination test and
 * the generation being filled.
 */
final class CmaRun {
  /** Resampling budget before repairing, the {@code cmaes} library's default {@code n_max_resampling}. */
  static final int MAX_RESAMPLING = 100;

  private final Coordinates coordinates;
  private final StrategyParameters parameters;
  private final Gaussian gaussian;
  private final Margin margin;
  private final CategoricalModel categories;
  private final Termination termination;
  private Generation generation;

  CmaRun(Coordinates coordinates, double[] mean, double sigma, int lambda, long generationId) {
    this.coordinates = coordinates;
    int n = coordinates.numeric();
    this.parameters = StrategyParameters.of(n, lambda);
    this.gaussian = new Gaussian(mean, sigma);
    // alpha = 1 / (n lambda): the CMAwM default margin.
    this.margin = new Margin(coordinates.discretisations(), 1.0 / (Math.max(1, n) * lambda));
    this.categories = new CategoricalModel(coordinates.categorySizes());
    this.termination = new Termination(n, lambda);
    this.generation = new Generation(generationId);
  }

  /** A deep copy of the run's state: distribution, margin, categories, termination history and open generation. */
  CmaRun(CmaRun other) {
    this.coordinates = other.coordinates;
    this.parameters = other.parameters;
    this.gaussian = new Gaussian(other.gaussian);
    this.margin = new Margin(other.margin);
    this.categories = new CategoricalModel(other.categories);
    this.termination = new Termination(other.termination);
    this.generation = new Generation(other.generation);
  }

  int lambda() {
    return parameters.lambda();
  }

  Generation generation() {
    return generation;
  }

  Gaussian gaussian() {
    return gaussian;
  }

  CategoricalModel categories() {
    return categories;
  }

  /**
   * Samples a member whose config the predicate has not seen. Bounds are handled by resampling: a sample
   * whose continuous coordinates leave [0, 1] is drawn again, up to {@link #MAX_RESAMPLING} times, after
   * which the last one is clipped into the box and the update uses the clipped point (the {@code cmaes}
   * library's repair). Discrete coordinates need no repair: decoding clamps them to the end values and the
   * margin keeps the mean next to the range. A sample that decodes to a seen config also counts as a
   * draw. The result may still be seen when every draw was; the caller then falls back.
   */
  Member sample(Random random, SearchSpace space, Predicate<Config> seen) {
    for (int attempt = 0; attempt < MAX_RESAMPLING; attempt++) {
      double[] x = gaussian.sample(random);
      int[] choices = categories.sample(random);
      if (!coordinates.inBox(x)) {
        continue;
      }
      Member m = member(x, choices, space);
      if (!seen.test(m.config())) {
        return m;
      }
    }
    return member(coordinates.clip(gaussian.sample(random)), categories.sample(random), space);
  }

  private Member member(double[] x, int[] choices, SearchSpace space) {
    double[] u = margin.encode(x, gaussian.mean());
    Config config = space.decode(coordinates.unit(u, choices));
    return new Member(x, coordinates.activeChoices(choices, config), config, generation.id());
  }

  /**
   * A member for a config this run did not sample (another tool's trial, a resumed study, a result from an
   * earlier generation or run): inactive coordinates sit at the mean and the point is pulled within the
   * Mahalanobis radius of Hansen's injection rule.
   */
  Member inject(Config config, double[] encoded) {
    double[] mean = gaussian.mean();
    double[] x = gaussian.clipInjected(margin.decode(coordinates.numericOf(encoded, mean), mean));
    return new Member(x, coordinates.choicesOf(encoded), config, generation.id());
  }

  /**
   * Tells the full generation and opens the next one.
   *
   * @return true when the run should restart (a termination criterion fired or C broke down)
   */
  boolean tell(long nextGenerationId) {
    List<Integer> ranking = generation.ranking();
    int lambda = parameters.lambda();
    List<double[]> xs = new ArrayList<>(lambda);
    List<int[]> choices = new ArrayList<>(lambda);
    double[] losses = new double[lambda];
    for (int r = 0; r < lambda; r++) {
      int i = ranking.get(r);
      xs.add(generation.member(i).x());
      choices.add(generation.member(i).choices());
      losses[r] = generation.loss(i);
    }
    boolean healthy = gaussian.update(xs, parameters);
    if (healthy) {
      margin.correct(gaussian);
    }
    categories.update(choices, parameters.eliteWeights());
    boolean stop = !healthy || termination.shouldStop(gaussian, losses, generation.fallbacks(), lambda);
    generation = new Generation(nextGenerationId);
    return stop;
  }
}
