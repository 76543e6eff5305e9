package dev.asap.objective;

/** What a running evaluation may tell the study about itself. */
public interface TrialContext {

  int trialNumber();

  /** Records an intermediate value (e.g. validation loss after an epoch) at {@code step}. */
  void report(long step, double value);

  /**
   * True when the study's scheduler wants this trial stopped, judging by what it reported so far: the
   * objective should then throw {@link TrialPrunedException}. Ask after each {@link #report}.
   */
  default boolean shouldStop() {
    return false;
  }

  /** A context that keeps nothing: for calling an objective outside a study. */
  TrialContext DETACHED = new TrialContext() {
    @Override
    public int trialNumber() {
      return -1;
    }

    @Override
    public void report(long step, double value) {}
  };
}
