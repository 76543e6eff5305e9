package dev.asap.loop;

import dev.asap.clock.SimulatedClock;
import dev.asap.objective.Objective;
import dev.asap.space.Config;
import dev.asap.study.Study;
import dev.asap.trial.TrialState;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * Runs each objective at once, in the calling thread, and schedules its completion on the simulated clock
 * after the seconds it charges (its reported cost, else its measured run time). Nothing sleeps, so any
 * table, surrogate or cost-reporting command becomes a wall-clock benchmark.
 */
final class SimulatedTrialRunner implements TrialRunner {
  private final Study study;
  private final Objective objective;
  private final SimulatedClock clock;
  private final StopRule stopRule;
  // Ties broken by trial number so that runs are reproducible.
  private final PriorityQueue<Completion> events =
      new PriorityQueue<>(Comparator.comparingDouble(Completion::end).thenComparingInt(Completion::number));

  SimulatedTrialRunner(Study study, Objective objective, SimulatedClock clock, StopRule stopRule) {
    this.study = study;
    this.objective = objective;
    this.clock = clock;
    this.stopRule = stopRule;
  }

  @Override
  public void start(int number, int worker, Config config) {
    EvaluationResult r;
    try {
      r = EvaluationResult.of(objective, config, new RecordingContext(study, number, stopRule));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      r = new EvaluationResult(TrialState.INTERRUPTED, null, "interrupted", null, 0, Map.of());
    }
    double charged = r.chargedSeconds();
    Map<String, Object> attrs = new LinkedHashMap<>(r.attributes());
    attrs.put("measured_seconds", r.measuredSeconds());
    events.add(new Completion(number, worker, r.state(), r.value(), r.error(), charged, clock.now() + charged, attrs));
  }

  @Override
  public Double knownResult(int number) {
    for (Completion c : events) {
      if (c.number() == number) {
        return c.value();
      }
    }
    return null;
  }

  @Override
  public int running() {
    return events.size();
  }

  @Override
  public Completion awaitNext(double deadline) {
    Completion next = events.peek();
    if (next == null) {
      return null;
    }
    if (next.end() > deadline) {
      clock.advanceTo(deadline);
      return null;
    }
    events.poll();
    clock.advanceTo(next.end());
    return next;
  }

  @Override
  public List<Completion> cancelAll(String reason) {
    List<Completion> out = new ArrayList<>();
    for (Completion c : events) {
      // Charged what it ran of its cost until now.
      double ran = Math.max(0, clock.now() - (c.end() - c.evalSeconds()));
      out.add(new Completion(c.number(), c.worker(), TrialState.INTERRUPTED, null, reason, ran, clock.now(), Map.of()));
    }
    events.clear();
    return out;
  }

  @Override
  public void close() {}
}
