package dev.asap.bench.report;

import dev.asap.bench.harness.RunResult;

/**
 * How one run fared with infeasible configs, by trial order (order of completion): whether it learned to avoid
 * them (the infeasible share of its first and last third of trials) and how long it took to find a config with a
 * value at all.
 *
 * @param infeasible        infeasible trials
 * @param firstThirdShare   infeasible share of the first ⌈n/3⌉ trials; NaN without trials
 * @param lastThirdShare    infeasible share of the last ⌈n/3⌉ trials; NaN without trials
 * @param trialsToFeasible  trials up to and including the first with a value; 0 when none had one
 * @param secondsToFeasible when that trial ended, simulated seconds from the run's start; +infinity when none
 */
public record Feasibility(int infeasible, double firstThirdShare, double lastThirdShare, int trialsToFeasible,
    double secondsToFeasible) {

  public static Feasibility of(RunResult run) {
    boolean[] flags = run.infeasible();
    int n = flags.length;
    int third = (n + 2) / 3;
    int first = 0;
    int last = 0;
    int all = 0;
    for (int i = 0; i < n; i++) {
      if (flags[i]) {
        all++;
        first += i < third ? 1 : 0;
        last += i >= n - third ? 1 : 0;
      }
    }
    double[] losses = run.losses();
    int found = 0;
    while (found < n && Double.isNaN(losses[found])) {
      found++;
    }
    boolean never = found == n;
    return new Feasibility(all, n == 0 ? Double.NaN : (double) first / third,
        n == 0 ? Double.NaN : (double) last / third, never ? 0 : found + 1,
        never ? Double.POSITIVE_INFINITY : run.ends()[found]);
  }

  public boolean foundFeasible() {
    return trialsToFeasible > 0;
  }
}
