package dev.asap.integrator;

import dev.asap.optimizer.History;
import dev.asap.trial.Trial;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Uses an expensive judge (an LLM) while its time is small against the evaluations', and switches for good to
 * a cheap one when it is not: when evaluations are fast, cheap optimizers win by running more trials, and a
 * judge that costs more than half an evaluation per round slows the study down more than its choices help.
 * The switch, and why, is recorded on every later trial.
 */
public final class RegimeSwitchingJudge implements Judge {
  /** The judge may cost up to this share of a median evaluation per round. */
  static final double MAX_SHARE = 0.5;
  /** Rounds of the expensive judge, and completed trials, looked at before deciding. */
  static final int WINDOW = 5;

  private final Judge expensive;
  private final Judge cheap;
  private final Deque<Double> recent;
  private final java.util.function.Consumer<String> announce;
  private volatile String switched;

  public RegimeSwitchingJudge(Judge expensive, Judge cheap) {
    this(expensive, cheap, message -> {});
  }

  /** @param announce told once, with the reason, when the judge switches (e.g. printed on the console) */
  public RegimeSwitchingJudge(Judge expensive, Judge cheap, java.util.function.Consumer<String> announce) {
    this(expensive, cheap, announce, new ArrayDeque<>(), null);
  }

  private RegimeSwitchingJudge(Judge expensive, Judge cheap, java.util.function.Consumer<String> announce,
      Deque<Double> recent, String switched) {
    this.expensive = expensive;
    this.cheap = cheap;
    this.announce = announce;
    this.recent = recent;
    this.switched = switched;
  }

  @Override
  public synchronized Judge fork() {
    return new RegimeSwitchingJudge(expensive.fork(), cheap.fork(), announce, new ArrayDeque<>(recent), switched);
  }

  @Override
  public boolean slowToolsRetired() {
    return switched();
  }

  /** True once the cheap judge decides for good. */
  public boolean switched() {
    return switched != null;
  }

  @Override
  public String name() {
    return switched == null ? expensive.name() : cheap.name();
  }

  @Override
  public synchronized Verdict choose(Round round) {
    History history = round.history();
    if (switched != null) {
      Verdict v = cheap.choose(round);
      Map<String, Object> evidence = new LinkedHashMap<>(v.evidence());
      evidence.put("regime", switched);
      return new Verdict(v.index(), "fast-evaluation regime, " + cheap.name() + " judge: " + v.reason(), evidence);
    }
    long t0 = System.nanoTime();
    Verdict v = expensive.choose(round);
    recent.addLast((System.nanoTime() - t0) / 1e9);
    if (recent.size() > WINDOW) {
      recent.removeFirst();
    }
    double evaluation = medianEvaluationSeconds(history);
    double judge = median(recent.stream().mapToDouble(Double::doubleValue).toArray());
    if (recent.size() == WINDOW && !Double.isNaN(evaluation) && judge > MAX_SHARE * evaluation) {
      switched = String.format(Locale.ROOT, "switched from the %s judge to the %s judge after trial %d: it took "
          + "%.3g s per round against a median evaluation of %.3g s", expensive.name(), cheap.name(),
          history.size(), judge, evaluation);
      announce.accept(switched);
    }
    return v;
  }

  private static double medianEvaluationSeconds(History history) {
    List<Trial> done = history.completed();
    if (done.size() < WINDOW) {
      return Double.NaN;
    }
    return median(done.stream().mapToDouble(t -> t.timings().evalSeconds()).toArray());
  }

  private static double median(double[] values) {
    double[] s = values.clone();
    Arrays.sort(s);
    return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  }
}
