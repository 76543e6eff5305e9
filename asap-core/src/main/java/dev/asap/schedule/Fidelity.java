package dev.asap.schedule;

import java.util.ArrayList;
import java.util.List;

/**
 * The budget parameter of a study (epochs, a data fraction, any numeric budget): passed to the objective like
 * a parameter, never searched by the tools. Schedulers run configs at the budgets {@link #rungs()} from
 * {@code min} to {@code max}, each {@code eta} times the one before, counting down from {@code max}.
 *
 * @param integer whether the objective gets whole numbers (epochs) or reals (a data fraction)
 */
public record Fidelity(String name, double min, double max, double eta, boolean integer) {

  public Fidelity {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("the fidelity needs a name: the parameter the objective reads, e.g. epochs");
    }
    if (!Double.isFinite(min) || !Double.isFinite(max) || min <= 0) {
      throw new IllegalArgumentException("fidelity " + name + ": min and max must be finite numbers > 0 (got min "
          + min + ", max " + max + ")");
    }
    if (min >= max) {
      throw new IllegalArgumentException("fidelity " + name + ": min (" + min + ") must be below max (" + max
          + "); without a range there is nothing to schedule");
    }
    if (!(eta >= 2) || !Double.isFinite(eta)) {
      throw new IllegalArgumentException("fidelity " + name + ": eta must be a number >= 2 (got " + eta
          + "); 3 keeps the best third at each rung");
    }
  }

  /**
   * The budgets configs are run at, lowest first: {@code max}, {@code max/eta}, {@code max/eta²}, ... down to
   * the last one not below {@code min} (rounded up to whole numbers for an integer fidelity, duplicates dropped).
   */
  public List<Double> rungs() {
    int levels = (int) Math.floor(Math.log(max / min) / Math.log(eta) + 1e-9);
    List<Double> rungs = new ArrayList<>();
    for (int k = levels; k >= 0; k--) {
      double budget = max / Math.pow(eta, k);
      if (integer) {
        budget = Math.max(Math.ceil(min), Math.ceil(budget - 1e-9));
      }
      if (rungs.isEmpty() || budget > rungs.get(rungs.size() - 1)) {
        rungs.add(budget);
      }
    }
    return List.copyOf(rungs);
  }

  /** The value the objective is given for {@code budget}: a long for an integer fidelity, else a double. */
  public Object value(double budget) {
    return integer ? (Object) Math.round(budget) : (Object) budget;
  }
}
