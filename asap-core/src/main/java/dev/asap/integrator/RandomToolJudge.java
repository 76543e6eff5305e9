package dev.asap.integrator;

import dev.asap.optimizer.Proposal;
import dev.asap.optimizer.Seeds;
import java.util.List;
import java.util.Map;

/**
 * Picks one of the round's proposals uniformly at random, from the first trial on. It is the floor a judge
 * must beat: a judge that does no better than this adds nothing to the pool it chooses from.
 */
public final class RandomToolJudge implements Judge {
  private final long seed;

  public RandomToolJudge(long seed) {
    this.seed = seed;
  }

  @Override
  public String name() {
    return "random-tool";
  }

  @Override
  public Judge fork() {
    return this; // no state: the pick depends on the seed and the history's size only
  }

  @Override
  public Verdict choose(Round round) {
    List<Proposal> candidates = round.candidates();
    int pick = Seeds.random(seed, round.history().size()).nextInt(candidates.size());
    return new Verdict(pick, "picked uniformly at random among " + candidates.size() + " proposals: "
        + candidates.get(pick).tool(), Map.of("candidates", candidates.size()));
  }
}
