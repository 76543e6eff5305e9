package dev.asap.optimizer.llm;

import dev.asap.optimizer.History;
import dev.asap.optimizer.Optimizer;
import dev.asap.optimizer.Proposal;
import java.util.Objects;

/**
 * Proposes with the LLM for a study's first N trials (of any state, so that a resumed study switches at the
 * same point) and with the model-based tool after, which fits on everything tried so far.
 */
final class LlmSeededOptimizer implements Optimizer {
  private final Optimizer llm;
  private final Optimizer model;
  private final int firstN;

  LlmSeededOptimizer(Optimizer llm, Optimizer model, int firstN) {
    this.llm = Objects.requireNonNull(llm, "llm");
    this.model = Objects.requireNonNull(model, "model");
    if (firstN < 0) {
      throw new IllegalArgumentException("the number of LLM-proposed trials must be 0 or more, got " + firstN);
    }
    this.firstN = firstN;
  }

  @Override
  public String name() {
    return llm.name() + "+" + model.name();
  }

  @Override
  public Proposal propose(History history) {
    return history.size() < firstN ? llm.propose(history) : model.propose(history);
  }

  /** Passed on to the tool that made the proposal, which it names. */
  @Override
  public void discard(Proposal proposal) {
    (proposal.tool().equals(llm.name()) ? llm : model).discard(proposal);
  }

  @Override
  public Optimizer fork() {
    Optimizer llmCopy = llm.fork();
    Optimizer modelCopy = model.fork();
    return llmCopy == llm && modelCopy == model ? this : new LlmSeededOptimizer(llmCopy, modelCopy, firstN);
  }

  /** The model's: once past the LLM's trials, its proposals carry its predictions. */
  @Override
  public boolean predicts() {
    return model.predicts();
  }
}
