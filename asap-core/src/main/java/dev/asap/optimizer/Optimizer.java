package dev.asap.optimizer;

/**
 * A tool that proposes the next config from the history. Implementations are created with a seed for one
 * study and may keep state between calls, but must give the same proposals for the same seed and history.
 * They must propose only valid configs, and no config that is already evaluated or pending in the history.
 *
 * <p>A tool learns everything that happens to its proposals: what became of the evaluated ones (completed,
 * failed, infeasible, interrupted) from the history it is next given, and that one was not chosen from
 * {@link #discard}. Its state must not grow with proposals that were discarded.
 */
public interface Optimizer {

  /** The name under which this tool is selected and recorded on trials. */
  String name();

  /** Proposes one config; the caller measures and records the time this takes. */
  Proposal propose(History history);

  /**
   * Tells the tool that {@code proposal}, one of its own still pending, will never be evaluated (a pool's judge
   * chose another tool's, or the run stopped): the tool forgets it, so that its state does not grow with
   * proposals that were not chosen. After its last proposal is discarded, proposing again for the same history
   * gives the same proposal.
   */
  default void discard(Proposal proposal) {}

  /**
   * An independent copy of this tool's exact state (random streams, populations, model caches, pending
   * proposals): told the same events afterwards, the copy proposes exactly what this tool proposes, and
   * nothing either of them is told changes the other. Speculation prepares the next round on a fork, under a
   * predicted result, while this tool's own state waits for the real one. A tool without state may return
   * itself.
   */
  default Optimizer fork() {
    throw new UnsupportedOperationException(name() + " cannot be forked yet");
  }

  /**
   * True when this tool has a surrogate model and attaches a {@link Prediction} to its proposals once it
   * has enough data (the contract suite checks it).
   */
  default boolean predicts() {
    return false;
  }
}
