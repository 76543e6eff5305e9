package dev.asap.integrator;

import dev.asap.optimizer.History;
import dev.asap.optimizer.Optimizer;
import dev.asap.optimizer.Proposal;

/**
 * A slow tool (the LLM proposer) that leaves the pool for good once the pool's judge retires slow tools (see
 * {@link Judge#slowToolsRetired}), so that no LLM call stays on the critical path. Retirement belongs to the
 * judge, not to this wrapper, so that a forked pool retires with its own forked judge.
 */
public final class RetiringTool implements Optimizer {
  private final Optimizer tool;

  public RetiringTool(Optimizer tool) {
    this.tool = tool;
  }

  @Override
  public String name() {
    return tool.name();
  }

  @Override
  public Proposal propose(History history) {
    return tool.propose(history);
  }

  @Override
  public void discard(Proposal proposal) {
    tool.discard(proposal);
  }

  @Override
  public Optimizer fork() {
    return new RetiringTool(tool.fork());
  }

  @Override
  public boolean predicts() {
    return tool.predicts();
  }
}
