package dev.asap.integrator;

/**
 * Picks, each round, the one proposal to evaluate among the pool's proposals, and says why. There is one
 * method: every judge, and every judge that wraps another (a fallback, a regime switch), sees the whole
 * {@link Round}.
 */
public interface Judge {

  String name();

  /** The verdict's index points into {@code round.candidates()}. */
  Verdict choose(Round round);

  /**
   * An independent copy of this judge's state (credit, prompt, regime), as {@link
   * dev.asap.optimizer.Optimizer#fork} is for a tool: a pool is forked with its judge.
   */
  Judge fork();

  /**
   * True once this judge has found slow tools (an LLM proposer) too expensive for the study's evaluations: the
   * pool stops asking every {@link RetiringTool}, so that no LLM call is left on the critical path.
   */
  default boolean slowToolsRetired() {
    return false;
  }
}
