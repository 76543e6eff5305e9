package dev.asap.optimizer.random;

import dev.asap.optimizer.History;
import dev.asap.optimizer.Optimizer;
import dev.asap.optimizer.Proposal;
import dev.asap.optimizer.Seeds;
import dev.asap.optimizer.UnseenConfigs;
import java.util.Random;

/** Uniform sampling of the unit cube: the baseline every other tool must beat. */
public final class RandomSearch implements Optimizer {
  private final long seed;

  public RandomSearch(long seed) {
    this.seed = seed;
  }

  @Override
  public String name() {
    return "random";
  }

  @Override
  public Proposal propose(History history) {
    // One generator per trial index keeps proposals reproducible when a study is resumed.
    Random random = Seeds.random(seed, history.size());
    return new Proposal(UnseenConfigs.orFresh(history, history.space().sample(random), random), name(), null, 0);
  }

  /** Proposals are a function of the seed and the history alone: there is no state to copy. */
  @Override
  public Optimizer fork() {
    return this;
  }
}
