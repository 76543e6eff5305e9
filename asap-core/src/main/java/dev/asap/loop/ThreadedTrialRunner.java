package dev.asap.loop;

import dev.asap.clock.Clock;
import dev.asap.objective.Objective;
import dev.asap.space.Config;
import dev.asap.study.Study;
import dev.asap.trial.TrialState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs each trial on its own worker thread in real time and keeps the running trials' heartbeats fresh,
 * so that another process can tell a live trial from one whose process died.
 */
final class ThreadedTrialRunner implements TrialRunner {
  static final long HEARTBEAT_SECONDS = 10;
  private final Study study;
  private final Objective objective;
  private final Clock clock;
  private final ExecutorService workers;
  private final ScheduledExecutorService heartbeats;
  private final StopRule stopRule;
  private final BlockingQueue<Completion> done = new LinkedBlockingQueue<>();
  private final Map<Integer, Running> running = new ConcurrentHashMap<>();

  private record Running(int worker, Future<?> future, double startedAt) {}

  ThreadedTrialRunner(Study study, Objective objective, Clock clock, int workerCount, StopRule stopRule) {
    this.stopRule = stopRule;
    this.study = study;
    this.objective = objective;
    this.clock = clock;
    this.workers = Executors.newFixedThreadPool(workerCount, daemon("asap-worker"));
    this.heartbeats = Executors.newSingleThreadScheduledExecutor(daemon("asap-heartbeat"));
    heartbeats.scheduleWithFixedDelay(this::beat, HEARTBEAT_SECONDS, HEARTBEAT_SECONDS, TimeUnit.SECONDS);
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    return r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    };
  }

  private void beat() {
    try {
      List<Integer> numbers = new ArrayList<>(running.keySet());
      if (!numbers.isEmpty()) {
        study.heartbeat(numbers);
      }
    } catch (RuntimeException e) {
      // A missed heartbeat is retried on the next tick; the trial itself is unaffected.
    }
  }

  @Override
  public void start(int number, int worker, Config config) {
    Future<?> f = workers.submit(() -> {
      try {
        EvaluationResult r = EvaluationResult.of(objective, config, new RecordingContext(study, number, stopRule));
        done.add(new Completion(number, worker, r.state(), r.value(), r.error(), r.measuredSeconds(), clock.now(),
            costAttribute(r)));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    running.put(number, new Running(worker, f, clock.now()));
  }

  private static Map<String, Object> costAttribute(EvaluationResult r) {
    Map<String, Object> attrs = new java.util.LinkedHashMap<>(r.attributes());
    if (r.costSeconds() != null) {
      attrs.put("reported_cost", r.costSeconds());
    }
    return attrs;
  }

  @Override
  public int running() {
    return running.size();
  }

  @Override
  public Completion awaitNext(double deadline) throws InterruptedException {
    while (true) {
      double wait = deadline - clock.now();
      if (wait <= 0) {
        return null;
      }
      Completion c = done.poll((long) Math.min(wait * 1e3, 1_000) + 1, TimeUnit.MILLISECONDS);
      if (c != null && running.remove(c.number()) != null) {
        return c;
      }
    }
  }

  @Override
  public List<Completion> cancelAll(String reason) {
    List<Completion> out = new ArrayList<>();
    for (var e : running.entrySet()) {
      e.getValue().future().cancel(true);
      double now = clock.now();
      out.add(new Completion(e.getKey(), e.getValue().worker(), TrialState.INTERRUPTED, null, reason,
          Math.max(0, now - e.getValue().startedAt()), now, Map.of()));
    }
    running.clear();
    return out;
  }

  @Override
  public void close() {
    heartbeats.shutdownNow();
    workers.shutdownNow();
    try {
      // Give cancelled objectives (e.g. a command killing its process tree) a moment to clean up.
      workers.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
