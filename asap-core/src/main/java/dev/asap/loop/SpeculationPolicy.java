package dev.asap.loop;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.Locale;

/**
 * Decides, for {@link SpeculationMode#AUTO}, whether speculation pays: it does when the median time to propose
 * (tools plus judge, as paid on the critical path) is at least {@link #MIN_SHARE} of the median evaluation,
 * over the last {@link #WINDOW} of each. Speculation hides about 70 % of the proposing time, so at a quarter of
 * an evaluation it shortens the run by about 14 %; below that the saving is small against what it costs: a
 * pick prepared under a predicted result is not the serial pick most of the time (about 15 % identical on
 * YAHPO lcbench, docs/speculation.md), and it takes background CPU from the objective. Decided afresh each
 * round, so a run whose tools slow down as the study grows turns speculation on when it starts to pay.
 */
final class SpeculationPolicy {
  /** Share of a median evaluation above which proposing is worth hiding. */
  static final double MIN_SHARE = 0.25;
  /** Proposals and evaluations looked at. */
  static final int WINDOW = 5;

  private final SpeculationMode mode;
  private final Deque<Double> proposing = new ArrayDeque<>();
  private final Deque<Double> evaluating = new ArrayDeque<>();
  private String firstOn;

  SpeculationPolicy(SpeculationMode mode) {
    this.mode = mode;
  }

  void proposed(double seconds) {
    add(proposing, seconds);
  }

  void evaluated(double seconds) {
    add(evaluating, seconds);
  }

  /** True when the next trial's proposal should be prepared while the current one runs. */
  boolean speculateNow(int trialNumber) {
    if (mode != SpeculationMode.AUTO) {
      return mode == SpeculationMode.ON;
    }
    if (proposing.size() < WINDOW || evaluating.size() < WINDOW) {
      return false;
    }
    double propose = median(proposing);
    double evaluate = median(evaluating);
    boolean pays = propose >= MIN_SHARE * evaluate;
    if (pays && firstOn == null) {
      firstOn = String.format(Locale.ROOT, "on from trial %d (proposing %.3g s, %.0f %% of the median evaluation "
          + "of %.3g s)", trialNumber, propose, 100 * propose / evaluate, evaluate);
    }
    return pays;
  }

  /** What auto mode decided, for the run's summary; null unless the mode is auto. */
  String summary() {
    if (mode != SpeculationMode.AUTO) {
      return null;
    }
    if (firstOn != null) {
      return "auto: " + firstOn;
    }
    if (proposing.size() < WINDOW || evaluating.size() < WINDOW) {
      return "auto: off (it decides after " + WINDOW + " proposals and evaluations)";
    }
    double propose = median(proposing);
    double evaluate = median(evaluating);
    return String.format(Locale.ROOT, "auto: off (proposing took %.3g s, %.1f %% of the median evaluation of "
        + "%.3g s; it turns on from %.0f %%)", propose, evaluate > 0 ? 100 * propose / evaluate : 0, evaluate,
        100 * MIN_SHARE);
  }

  private static void add(Deque<Double> window, double seconds) {
    window.addLast(seconds);
    if (window.size() > WINDOW) {
      window.removeFirst();
    }
  }

  private static double median(Deque<Double> window) {
    double[] s = window.stream().mapToDouble(Double::doubleValue).toArray();
    Arrays.sort(s);
    return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  }
}
