package dev.asap.schedule;

import dev.asap.trial.Trial;
import java.util.List;

/** No scheduling: every config runs at the maximum budget (passed to the objective when there is a fidelity). */
public final class FullFidelity implements Scheduler {
  private final Fidelity fidelity;

  public FullFidelity(Fidelity fidelity) {
    this.fidelity = fidelity;
  }

  @Override
  public String name() {
    return "none";
  }

  @Override
  public Fidelity fidelity() {
    return fidelity;
  }

  @Override
  public boolean onlyStops() {
    return true;
  }

  @Override
  public Assignment next(List<Trial> trials) {
    return Assignment.Fresh.atFullBudget(fidelity);
  }
}
