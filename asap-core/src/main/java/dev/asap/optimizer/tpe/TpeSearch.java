package dev.asap.optimizer.tpe;

import dev.asap.optimizer.History;
import dev.asap.optimizer.Optimizer;
import dev.asap.optimizer.Proposal;
import dev.asap.optimizer.Seeds;
import dev.asap.optimizer.UnseenConfigs;
import dev.asap.optimizer.sobol.SobolSearch;
import dev.asap.space.Config;
import dev.asap.space.Parameter;
import dev.asap.space.SearchSpace;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Multivariate tree-structured Parzen estimator (Bergstra et al. 2011; Falkner et al. 2018), behaving like
 * Optuna's {@code TPESampler(multivariate=True, group=True, constant_liar=True)}.
 *
 * <p>After {@link TpeSettings#startupTrials()} finished trials taken from a scrambled Sobol sequence, each
 * proposal splits the trials into good and bad ({@link TrialSplit}), decomposes the parameters into groups
 * by which trials have them active ({@link GroupDecomposition}) and walks the parameters parents first:
 * the first time an active parameter's group is needed, that group's l(x) and g(x) are fitted and its
 * candidates ranked ({@link TpeSampler}); inactive branches are never sampled. If the best config was
 * already evaluated or is pending, the next-ranked candidates are tried before a fresh uniform draw.
 *
 * <p>All randomness comes from a generator seeded by the seed and the history's size, so the same seed and
 * history give the same proposal, also in a new instance after a resume. An instance caches trial
 * encodings and so serves one study.
 */
public final class TpeSearch implements Optimizer {
  private final long seed;
  private final TpeSettings settings;
  private EncodingCache cache;
  private int[] order;
  private SobolSearch startup;

  public TpeSearch(long seed) {
    this(seed, TpeSettings.defaults());
  }

  public TpeSearch(long seed, TpeSettings settings) {
    this.seed = seed;
    this.settings = settings;
  }

  private TpeSearch(TpeSearch other) {
    this.seed = other.seed;
    this.settings = other.settings;
    this.cache = other.cache == null ? null : other.cache.copy();
    this.order = other.order; // computed once per space and only read
    this.startup = other.startup == null ? null : other.startup.fork();
  }

  @Override
  public String name() {
    return "tpe";
  }

  @Override
  public synchronized TpeSearch fork() {
    return new TpeSearch(this);
  }

  @Override
  public synchronized Proposal propose(History history) {
    SearchSpace space = history.space();
    if (cache == null || cache.space() != space) {
      cache = new EncodingCache(space);
      order = ActivationOrder.of(space);
      startup = new SobolSearch(space.dimension(), seed);
    }
    TrialSplit split = TrialSplit.of(history, cache, settings.constantLiar());
    if (split.finished().size() < settings.startupTrials()) {
      return new Proposal(startup.propose(history).config(), name(), null, 0);
    }
    Random random = Seeds.random(seed, history.size());
    List<int[]> groups = GroupDecomposition.of(split.finished(), space.dimension());
    Walk walk = new Walk(space, groups, split, random);
    Config first = null;
    for (int rank = 0; rank < settings.candidates(); rank++) {
      Config c = walk.compose(rank);
      if (!history.contains(c)) {
        return new Proposal(c, name(), null, 0);
      }
      if (first == null) {
        first = c;
      }
    }
    return new Proposal(UnseenConfigs.orFresh(history, first, random), name(), null, 0);
  }

  /** Samples the active structure top-down, ranking each group's candidates the first time it is needed. */
  private final class Walk {
    private final SearchSpace space;
    private final List<int[]> groups;
    private final TrialSplit split;
    private final Random random;
    private final TpeSampler sampler;
    private final int[] groupOf;
    private final int[] positionInGroup;
    private final RankedCandidates[] ranked;

    Walk(SearchSpace space, List<int[]> groups, TrialSplit split, Random random) {
      this.space = space;
      this.groups = groups;
      this.split = split;
      this.random = random;
      this.sampler = new TpeSampler(cache.dimensions(), cache.structureCount(), settings);
      this.groupOf = new int[space.dimension()];
      this.positionInGroup = new int[space.dimension()];
      for (int g = 0; g < groups.size(); g++) {
        int[] members = groups.get(g);
        for (int i = 0; i < members.length; i++) {
          groupOf[members[i]] = g;
          positionInGroup[members[i]] = i;
        }
      }
      this.ranked = new RankedCandidates[groups.size()];
    }

    /** The config made of every active group's candidate of the given rank. */
    Config compose(int rank) {
      List<Parameter> parameters = space.parameters();
      double[] unit = new double[parameters.size()];
      Arrays.fill(unit, Double.NaN);
      Map<String, Object> active = new HashMap<>();
      for (int i : order) {
        Parameter p = parameters.get(i);
        if (!space.isActive(p.name(), active)) {
          continue;
        }
        int g = groupOf[i];
        if (ranked[g] == null) {
          ranked[g] = sampler.rank(groups.get(g), split, random);
        }
        unit[i] = ranked[g].unit(Math.min(rank, ranked[g].size() - 1), positionInGroup[i]);
        active.put(p.name(), p.fromUnit(unit[i]));
      }
      // decode applies the same activity rules, so the config is valid by construction.
      return space.decode(unit);
    }
  }
}
