package dev.asap.trial;

/** Whether a study looks for the smallest or the largest objective value. */
public enum Direction {
  MINIMIZE,
  MAXIMIZE;

  /** The value as a loss: optimizers always minimise what this returns. */
  public double toLoss(double value) {
    return this == MINIMIZE ? value : -value;
  }

  /** True when {@code a} is strictly better than {@code b}. */
  public boolean isBetter(double a, double b) {
    return toLoss(a) < toLoss(b);
  }

  public static Direction parse(String text) {
    String t = text == null ? "" : text.trim().toLowerCase(java.util.Locale.ROOT);
    return switch (t) {
      case "minimize", "minimise", "min" -> MINIMIZE;
      case "maximize", "maximise", "max" -> MAXIMIZE;
      default -> throw new IllegalArgumentException("direction must be 'minimize' or 'maximize', got '" + text + "'");
    };
  }
}
