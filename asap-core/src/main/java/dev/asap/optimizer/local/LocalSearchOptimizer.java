package dev.asap.optimizer.local;

import dev.asap.optimizer.History;
import dev.asap.optimizer.Optimizer;
import dev.asap.optimizer.Prediction;
import dev.asap.optimizer.Proposal;
import dev.asap.optimizer.Seeds;
import dev.asap.optimizer.UnseenConfigs;
import dev.asap.optimizer.sobol.SobolSearch;
import dev.asap.space.Config;
import dev.asap.space.SearchSpace;
import dev.asap.trial.Trial;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Local search in a trust region around the incumbent, for polishing the best config found so far by any
 * tool: TuRBO-1 (Eriksson et al. 2019) with a neighbourhood GP, adapted to mixed and conditional spaces.
 *
 * <p>Each proposal:
 * <ol>
 *   <li>Until {@code max(5, 2d + 1)} trials have completed, proposes the next point of a scrambled Sobol
 *       sequence (a local model needs some data around it first).</li>
 *   <li>Replays the history to find the region's centre and side ({@link RegionReplay},
 *       {@link TrustRegion}).</li>
 *   <li>Fits a {@link LocalSurrogate} on the {@value #NEIGHBOURS} completed trials nearest the centre, plus
 *       the nearest pending trials as fantasies valued at the best loss among them (constant liar), so
 *       that parallel workers are steered apart.</li>
 *   <li>Draws candidates around the centre ({@link Perturbation}), drops evaluated and pending configs,
 *       and proposes the one of highest expected improvement.</li>
 * </ol>
 * The attached {@link Prediction} is the surrogate's posterior mean and standard deviation of the
 * proposal's loss (the minimised objective, noise-free). Randomness is drawn per call from the seed and
 * the history's size, so the same seed and history give the same proposal.
 */
public final class LocalSearchOptimizer implements Optimizer {
  public static final String NAME = "local";
  /** Size of the surrogate's neighbourhood: a 100×100 factorisation stays well under a millisecond. */
  static final int NEIGHBOURS = 100;
  static final int MAX_FANTASIES = 20;
  /** TuRBO draws min(100 d, 5000) candidates; far fewer suffice inside a small region and keep calls cheap. */
  static final int MAX_CANDIDATES = 300;

  private final SearchSpace space;
  private final long seed;
  private final SobolSearch startup;
  private final Encodings encodings;
  private final MixedDistance distance;
  private final Perturbation perturbation;

  public LocalSearchOptimizer(SearchSpace space, long seed) {
    this.space = space;
    this.seed = seed;
    this.startup = new SobolSearch(space.dimension(), seed);
    this.encodings = new Encodings(space);
    this.distance = new MixedDistance(space);
    this.perturbation = new Perturbation(space);
  }

  /**
   * The trust region is replayed from the history at every call, so the state to copy is the startup design's
   * position and the encodings cache; distances and perturbations are fixed by the space.
   */
  private LocalSearchOptimizer(LocalSearchOptimizer other) {
    this.space = other.space;
    this.seed = other.seed;
    this.startup = other.startup.fork();
    this.encodings = other.encodings.copy();
    this.distance = other.distance;
    this.perturbation = other.perturbation;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public LocalSearchOptimizer fork() {
    return new LocalSearchOptimizer(this);
  }

  @Override
  public boolean predicts() {
    return true;
  }

  /** Completed trials needed before the region opens: TuRBO's 2d initial design, plus one, and at least 5. */
  static int startupTrials(int dimension) {
    return Math.max(5, 2 * dimension + 1);
  }

  @Override
  public Proposal propose(History history) {
    int d = space.dimension();
    if (history.completed().size() < startupTrials(d)) {
      return new Proposal(startup.propose(history).config(), NAME, null, 0);
    }
    Random random = Seeds.random(seed, history.size());
    RegionReplay.State state = RegionReplay.replay(history, NAME, startupTrials(d), seed, encodings, distance);
    LocalSurrogate model = surrogate(history, state);
    Config chosen = null;
    Config centre = state.centreConfig() != null ? state.centreConfig() : space.decode(state.centre());
    if (state.centreConfig() == null && !history.contains(centre)) {
      // A restart around a fresh point: evaluate the point itself first, it anchors the new region.
      chosen = centre;
    } else {
      int count = Math.min(MAX_CANDIDATES, 100 * d);
      List<Perturbation.Candidate> candidates = perturbation.around(state.centre(), state.region().length(), count,
          random, history::contains);
      List<double[]> xs = new ArrayList<>(candidates.size());
      candidates.forEach(c -> xs.add(c.x()));
      double[] scores = model.expectedImprovements(xs);
      double bestScore = Double.NEGATIVE_INFINITY;
      for (int i = 0; i < scores.length; i++) {
        if (scores[i] > bestScore) {
          bestScore = scores[i];
          chosen = candidates.get(i).config();
        }
      }
    }
    if (chosen == null) {
      // Every neighbour is taken (tiny discrete spaces): anything unseen beats a repeat.
      chosen = UnseenConfigs.orFresh(history, centre, random);
    }
    return new Proposal(chosen, NAME, model.predict(space.encode(chosen)), 0);
  }

  /** The GP over the neighbourhood of {@code centre}, with pending trials as constant-liar fantasies. */
  private LocalSurrogate surrogate(History history, RegionReplay.State state) {
    List<Trial> done = history.completed();
    double[] centre = state.centre();
    int[] near = nearest(state.completed(), centre, NEIGHBOURS);
    List<double[]> xs = new ArrayList<>();
    List<Trial> pending = history.pending();
    List<double[]> pendingX = new ArrayList<>(pending.size());
    pending.forEach(t -> pendingX.add(encodings.of(t.config())));
    int[] nearPending = nearest(pendingX, centre, MAX_FANTASIES);
    double[] losses = new double[near.length + nearPending.length];
    double liar = Double.POSITIVE_INFINITY;
    for (int i = 0; i < near.length; i++) {
      Trial t = done.get(near[i]);
      xs.add(state.completed().get(near[i]));
      losses[i] = history.loss(t);
      liar = Math.min(liar, losses[i]);
    }
    for (int i = 0; i < nearPending.length; i++) {
      xs.add(pendingX.get(nearPending[i]));
      losses[near.length + i] = liar;
    }
    return LocalSurrogate.fit(xs, losses, near.length, distance);
  }

  /** Indices of the (at most) {@code k} points closest to {@code centre}, nearest first, ties by position. */
  private int[] nearest(List<double[]> points, double[] centre, int k) {
    int n = points.size();
    double[] dist = new double[n];
    for (int i = 0; i < n; i++) {
      dist[i] = distance.squared(centre, points.get(i));
    }
    k = Math.min(k, n);
    if (k == 0) {
      return new int[0];
    }
    double[] sorted = dist.clone();
    Arrays.sort(sorted);
    double cut = sorted[k - 1];
    int below = 0;
    for (int i = 0; i < k; i++) {
      below += sorted[i] < cut ? 1 : 0;
    }
    // All points strictly closer than the k-th distance, then the first of those at exactly that distance.
    Integer[] out = new Integer[k];
    int m = 0;
    int atCut = k - below;
    for (int i = 0; i < n && m < k; i++) {
      if (dist[i] < cut) {
        out[m++] = i;
      } else if (dist[i] == cut && atCut > 0) {
        out[m++] = i;
        atCut--;
      }
    }
    Arrays.sort(out, (a, b) -> dist[a] != dist[b] ? Double.compare(dist[a], dist[b]) : Integer.compare(a, b));
    return Arrays.stream(out).mapToInt(Integer::intValue).toArray();
  }
}
