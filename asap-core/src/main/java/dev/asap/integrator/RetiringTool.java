package dev.asap.integrator;

import dev.asap.optimizer.History;
import dev.asap.optimizer.Optimizer;
import dev.asap.optimizer.Proposal;
import java.util.function.BooleanSupplier;

/**
 * A tool that leaves the pool for good once a condition holds: the LLM proposer, once the regime switch has
 * found the LLM too slow for this study's evaluations, so that no LLM call stays on the critical path.
 */
public final class RetiringTool implements Optimizer {
  private final Optimizer tool;
  private final BooleanSupplier retired;

  public RetiringTool(Optimizer tool, BooleanSupplier retired) {
    this.tool = tool;
    this.retired = retired;
  }

  /** True once the tool takes no part in rounds any more; {@link ToolPool} then no longer asks it. */
  public boolean retired() {
    return retired.getAsBoolean();
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
  public boolean predicts() {
    return tool.predicts();
  }
}
