package dev.asap.bench.harness;

/** How budgets are counted. */
public enum BudgetUnit {
  /**
   * Simulated wall-clock in trial-equivalents: B means B × the task's mean evaluation cost (over its random
   * reference sample), whatever the number of workers. Optimizer time counts against it.
   */
  TIME,
  /** Finished trials. */
  TRIALS;

  public static BudgetUnit parse(String text) {
    String t = text == null ? "" : text.trim().toLowerCase(java.util.Locale.ROOT);
    return switch (t) {
      case "time", "wall-clock", "trial-equivalents", "te" -> TIME;
      case "trials", "trial" -> TRIALS;
      default -> throw new IllegalArgumentException("budget unit must be 'time' (trial-equivalents of simulated "
          + "wall-clock) or 'trials', got '" + text + "'");
    };
  }
}
