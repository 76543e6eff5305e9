package dev.asap.loop;

import dev.asap.clock.Clock;
import dev.asap.clock.RealClock;
import dev.asap.clock.SimulatedClock;
import dev.asap.objective.Objective;
import dev.asap.optimizer.History;
import dev.asap.optimizer.Optimizer;
import dev.asap.optimizer.Proposal;
import dev.asap.schedule.Assignment;
import dev.asap.schedule.Scheduler;
import dev.asap.space.Config;
import dev.asap.store.StudyStore.Outcome;
import dev.asap.study.Study;
import dev.asap.trial.Trial;
import dev.asap.trial.TrialState;
import java.util.List;
import java.util.Objects;

/**
 * The tuning loop, written once for real and simulated time: keep every worker busy with a proposal,
 * record each result, stop on the budget.
 *
 * <p>Proposal and recording time is measured on the machine for every trial. On the simulated clock it is
 * charged on the critical path (an optimizer that thinks for 2 s delays the next trial by 2 s), while each
 * evaluation is charged the cost its objective reports.
 */
public final class RunLoop {
  /** Heartbeats are refreshed every 10 s; a trial silent for much longer belongs to a dead process. */
  static final double STALE_AFTER_SECONDS = 6 * ThreadedTrialRunner.HEARTBEAT_SECONDS;
  /** How often a running loop looks for trials of dead peers. */
  private static final long REAP_EVERY_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(2);
  /** How often a loop with nothing to run looks at its peers' trials. */
  private static final long PEER_POLL_MILLIS = 500;

  private final Study study;
  private final Objective objective;
  /** Replaced by the speculation's fork when a prepared pick is used: the fork's state is the one that made it. */
  private Optimizer optimizer;
  private final Budget budget;
  private final int workers;
  private final boolean simulate;
  private final RunListener listener;
  private final int failFastAfter;
  private final SpeculationMode speculation;
  private final boolean exactPredictions;
  private final double initialTau;
  private final double latencySeconds;
  private final java.util.Map<String, Object> trialAttributes;
  /** Budgets, promotions and early stops; null runs every config as the objective decides. */
  private final Scheduler scheduler;
  /**
   * The study's trials as this loop last read them, for the scheduler's stop rule: it compares a running trial
   * with finished ones, which only change when a result is recorded, so a reported step needs no store read.
   */
  private volatile List<Trial> lastRead = List.of();
  private volatile boolean stopRequested;
  private volatile Thread loopThread;

  private RunLoop(Builder b) {
    this.study = b.study;
    this.objective = b.objective;
    this.optimizer = Objects.requireNonNull(b.optimizer, "an optimizer is required");
    this.budget = Objects.requireNonNull(b.budget, "a budget is required");
    this.workers = b.workers;
    this.simulate = b.simulate;
    this.listener = b.listener;
    this.failFastAfter = b.failFastAfter > 0 ? b.failFastAfter : Math.max(3, 2 * b.workers);
    this.speculation = b.speculation;
    this.exactPredictions = b.exactPredictions;
    if (exactPredictions && !simulate) {
      throw new IllegalArgumentException("exact predictions need the simulated clock, where results are known early");
    }
    this.initialTau = b.initialTau;
    // The latency model is for the simulated clock only; a real run pays its judge's real time.
    this.latencySeconds = b.simulate ? b.latencySeconds : 0;
    this.trialAttributes = java.util.Map.copyOf(b.trialAttributes);
    this.scheduler = b.scheduler;
  }

  public static Builder builder(Study study, Objective objective) {
    return new Builder(study, objective);
  }

  /** Asks a running loop to stop: no trial starts any more, running ones are cancelled and recorded INTERRUPTED. */
  public void requestStop() {
    stopRequested = true;
    Thread t = loopThread;
    if (t != null) {
      t.interrupt();
    }
  }

  public RunReport run() {
    loopThread = Thread.currentThread();
    List<Trial> trials = study.trials();
    int recovered = OrphanRecovery.recover(study, trials, STALE_AFTER_SECONDS);
    if (recovered > 0) {
      trials = study.trials();
    }
    lastRead = trials;
    Clock clock = simulate ? new SimulatedClock(lastEnd(trials)) : new RealClock();
    double clockStart = clock.now();
    double deadline = budget.time() == null ? Double.POSITIVE_INFINITY : clockStart + budget.time().toMillis() / 1e3;
    listener.runStarted(new RunListener.RunStart(study.name(), trials.size(), recovered, clockStart));

    Tally tally = new Tally(workers, new BrokenObjectiveRule(failFastAfter, Math.max(failFastAfter,
        Math.max(20, 5 * workers))));
    Stop stop;
    // A scheduler with rungs may promote instead of asking the optimizer: nothing to prepare ahead (yet).
    boolean canSpeculate = speculation != SpeculationMode.OFF && (scheduler == null || scheduler.onlyStops());
    Speculator speculator = canSpeculate ? new Speculator(initialTau, simulate, latencySeconds) : null;
    StopRule stopRule = scheduler == null ? StopRule.NEVER
        : (number, reports) -> scheduler.stopReason(number, reports, lastRead);
    tally.policy = new SpeculationPolicy(speculation);
    try (TrialRunner runner = simulate ? new SimulatedTrialRunner(study, objective, (SimulatedClock) clock, stopRule)
        : new ThreadedTrialRunner(study, objective, clock, workers, stopRule)) {
      stop = loop(runner, clock, deadline, tally, speculator);
      if (speculator != null) {
        speculator.abandon();
        if (tally.ready != null) {
          speculator.unused(tally.ready);
        }
      }
      if (runner.running() > 0) {
        Thread.interrupted();
        String why = switch (stop.cause()) {
          case TIME_BUDGET -> "the time budget ran out";
          case REQUESTED -> "the run was stopped before the trial finished";
          default -> "the run stopped (" + stop.message() + ")";
        };
        for (Completion c : runner.cancelAll(why)) {
          record(c, clock, tally);
        }
      }
    } finally {
      loopThread = null;
      if (speculator != null) {
        speculator.close();
      }
    }
    Trial best = Study.best(study.trials(), study.direction()).orElse(null);
    RunReport report = new RunReport(stop.cause(), stop.message(), tally.completed, tally.failed, tally.pruned,
        tally.infeasible, tally.interrupted, recovered, best, clock.now() - clockStart, tally.ask, tally.eval, tally.tell,
        speculator == null ? null : speculator.stats().decided(tally.policy.summary()));
    listener.runFinished(report);
    return report;
  }

  private Stop loop(TrialRunner runner, Clock clock, double deadline, Tally tally, Speculator speculator) {
    try {
      while (true) {
        Stop stop = null;
        List<Trial> trials = null;
        while (runner.running() < workers) {
          long t0 = System.nanoTime();
          // Right after a result, the list read to record it is still current: no second read.
          trials = tally.fresh != null ? tally.fresh : study.trials();
          tally.fresh = null;
          lastRead = trials;
          stop = stopReason(trials, clock, deadline, tally);
          if (stop != null) {
            break;
          }
          Assignment assignment = scheduler == null ? null : scheduler.next(trials);
          if (assignment instanceof Assignment.Wait wait) {
            if (runner.running() > 0) {
              break; // a synchronous rung finishes first
            }
            if (simulate) {
              throw new IllegalStateException("scheduler " + scheduler.name() + " waits with nothing running: "
                  + wait.why());
            }
            Thread.sleep(PEER_POLL_MILLIS); // the rung runs in another process
            continue;
          }
          Proposal p;
          double paid;
          Speculator.Ready ready = tally.ready;
          if (assignment instanceof Assignment.Promote promote) {
            // The config itself is known: no optimizer is asked, and it is not the optimizer's to discard.
            p = new Proposal(promote.from().config(), promote.from().tool(), null, 0).withNotes(promote.notes());
            paid = (System.nanoTime() - t0) / 1e9;
          } else if (ready != null) {
            // Prepared while the previous trial ran and accepted: only what was not hidden is paid.
            p = ready.proposal().withNotes(java.util.Map.of("hidden_seconds", ready.hiddenSeconds(), "speculation",
                java.util.Map.of("predicted", ready.predicted(), "actual", ready.actual(), "tau", ready.tau(),
                    "predictor", ready.predictor())));
            paid = ready.paidSeconds() + (System.nanoTime() - t0) / 1e9;
            tally.ready = null;
            optimizer = ready.tool();
          } else {
            History history = new History(study.space(), study.direction(), trials);
            p = optimizer.propose(scheduler == null ? history : scheduler.view(history));
            paid = (System.nanoTime() - t0) / 1e9 + latencySeconds;
            tally.policy.proposed(paid);
          }
          if (assignment instanceof Assignment.Fresh fresh) {
            p = p.withNotes(fresh.notes());
          }
          if (latencySeconds > 0) {
            // Kept on the trial so that measured and modelled proposing time can be told apart.
            p = p.withNotes(java.util.Map.of("latency_seconds", latencySeconds));
          }
          if (!trialAttributes.isEmpty()) {
            p = p.withNotes(trialAttributes);
          }
          clock.charge(paid);
          tally.ask += paid;
          if (stopRequested) {
            // Asked to stop while proposing: the proposal is dropped, no trial starts after a stop.
            discard(p, assignment);
            stop = new Stop(StopCause.REQUESTED, "stopped by request");
            break;
          }
          Trial started = startTrial(p.withComputeSeconds(paid), tally, clock);
          if (started == null) {
            discard(p, assignment);
            stop = new Stop(StopCause.TRIAL_BUDGET, "trial budget reached (" + budget.trials() + " trials)");
            break;
          }
          runner.start(started.number(), started.worker(), withBudget(started.config(), assignment));
        }
        if (runner.running() == 0) {
          if (stop != null && stop.cause() == StopCause.TRIAL_BUDGET && awaitPeers()) {
            continue; // a peer died and its trial no longer counts: the budget has room again
          }
          return stop == null ? new Stop(StopCause.NOTHING_TO_RUN, "nothing left to run") : stop;
        }
        if (speculator != null && tally.ready == null && !speculator.hasPending() && stop == null
            && tally.policy.speculateNow(trials == null ? 0 : trials.size())) {
          speculate(speculator, trials, clock, tally, runner);
        }
        Completion c = runner.awaitNext(deadline);
        if (c == null) {
          return new Stop(StopCause.TIME_BUDGET, "time budget reached");
        }
        record(c, clock, tally);
        if (speculator != null) {
          tally.ready = speculator.resolve(c, study, clock);
        }
      }
    } catch (InterruptedException e) {
      return new Stop(StopCause.REQUESTED, "stopped by request");
    }
  }

  /** Tells the optimizer a proposal of its own will not run; a promotion was not its proposal. */
  private void discard(Proposal p, Assignment assignment) {
    if (!(assignment instanceof Assignment.Promote)) {
      optimizer.discard(p);
    }
  }

  /** The config as the objective gets it: with the fidelity value the scheduler assigned, if any. */
  private Config withBudget(Config config, Assignment assignment) {
    Double budget = assignment instanceof Assignment.Fresh f ? f.budget()
        : assignment instanceof Assignment.Promote pr ? (Double) pr.budget() : null;
    return budget == null ? config : config.plus(scheduler.fidelity().name(), scheduler.fidelity().value(budget));
  }

  /**
   * Starts a trial for {@code p}, claiming a place in the trial budget atomically in the store when there is
   * one; null when the budget is spent (several processes may share the study).
   */
  private Trial startTrial(Proposal p, Tally tally, Clock clock) {
    int slot = claimSlot(tally.busy);
    Trial started;
    if (budget.trials() == null) {
      started = study.start(p, optimizer.name(), slot, clock.now());
    } else {
      started = study.startWithinBudget(p, optimizer.name(), slot, clock.now(), budget.trials()).orElse(null);
    }
    if (started == null) {
      tally.busy[slot] = false;
      return null;
    }
    tally.runningHere.put(started.number(), started);
    listener.trialStarted(started);
    return started;
  }

  /**
   * With the budget spent and nothing of its own running, a process that shares the study waits while other
   * processes' trials still run: if one of them dies, its trial is marked interrupted and stops counting, and
   * this process runs a replacement, so the study ends with exactly its budget.
   *
   * @return true when a dead peer's trial was reaped (the loop goes on), false when no peer trial is running
   */
  private boolean awaitPeers() throws InterruptedException {
    if (simulate) {
      return false; // a simulated run has no peers
    }
    while (true) {
      List<Trial> trials = study.trials();
      if (OrphanRecovery.recover(study, trials, STALE_AFTER_SECONDS) > 0) {
        return true;
      }
      boolean peerRunning = trials.stream().anyMatch(t -> t.state() == TrialState.RUNNING);
      if (!peerRunning || stopRequested) {
        return false;
      }
      Thread.sleep(PEER_POLL_MILLIS);
    }
  }

  /** Prepares the next proposal for when the earliest-started running trial of this run ends. */
  private void speculate(Speculator speculator, List<Trial> trials, Clock clock, Tally tally, TrialRunner runner) {
    if (trials == null || tally.runningHere.isEmpty()) {
      return;
    }
    Trial target = tally.runningHere.values().iterator().next();
    speculator.prepare(study, trials, target, clock, optimizer,
        exactPredictions ? runner.knownResult(target.number()) : null);
  }

  /** Why no new trial may start now, or null. */
  private Stop stopReason(List<Trial> trials, Clock clock, double deadline, Tally tally) {
    if (stopRequested || Thread.currentThread().isInterrupted()) {
      return new Stop(StopCause.REQUESTED, "stopped by request");
    }
    if (!simulate && System.nanoTime() - tally.lastReapNanos > REAP_EVERY_NANOS) {
      // Trials of peers that died while this run goes on stop counting against the budget.
      tally.lastReapNanos = System.nanoTime();
      OrphanRecovery.recover(study, trials, STALE_AFTER_SECONDS);
    }
    if (clock.now() >= deadline) {
      return new Stop(StopCause.TIME_BUDGET, "time budget reached");
    }
    if (budget.target() != null) {
      Trial best = Study.best(trials, study.direction()).orElse(null);
      if (best != null && !study.direction().isBetter(budget.target(), best.value())) {
        return new Stop(StopCause.TARGET_REACHED, "target " + budget.target() + " reached by trial " + best.number());
      }
    }
    if (budget.trials() != null) {
      long counted = trials.stream().filter(t -> !t.wasInterrupted()).count();
      if (counted >= budget.trials()) {
        return new Stop(StopCause.TRIAL_BUDGET, "trial budget reached (" + budget.trials() + " trials)");
      }
    }
    String broken = tally.brokenRule.verdict(trials);
    if (broken != null) {
      return new Stop(StopCause.ALL_FAILED, broken);
    }
    return null;
  }

  /** The lowest free worker slot: slots label trials for timelines and logs. */
  private static int claimSlot(boolean[] busy) {
    for (int i = 0; i < busy.length; i++) {
      if (!busy[i]) {
        busy[i] = true;
        return i;
      }
    }
    throw new IllegalStateException("no free worker slot");
  }

  private void record(Completion c, Clock clock, Tally tally) {
    tally.busy[c.worker()] = false;
    tally.runningHere.remove(c.number());
    long t0 = System.nanoTime();
    // A trial's own write cannot contain its own duration, so the stored tell time is that of the
    // previous write of this run; the run's totals and the simulated clock use the measured one.
    Outcome outcome = new Outcome(c.state(), c.value(), c.error(), c.evalSeconds(), tally.lastWriteSeconds, c.end(),
        c.attributes());
    study.finish(c.number(), outcome);
    double tellSeconds = (System.nanoTime() - t0) / 1e9;
    tally.lastWriteSeconds = tellSeconds;
    clock.charge(tellSeconds);
    tally.tell += tellSeconds;
    tally.eval += c.evalSeconds();
    if (c.state().isFinished()) {
      tally.policy.evaluated(c.evalSeconds());
    }
    tally.brokenRule.record(c);
    switch (c.state()) {
      case COMPLETE -> tally.completed++;
      case PRUNED -> tally.pruned++;
      case INFEASIBLE -> tally.infeasible++;
      case INTERRUPTED -> tally.interrupted++;
      default -> tally.failed++;
    }
    List<Trial> trials = study.trials();
    Trial finished = trials.get(c.number());
    listener.trialFinished(finished, Study.best(trials, study.direction()).orElse(null));
    tally.fresh = trials;
    lastRead = trials;
  }

  private static double lastEnd(List<Trial> trials) {
    double end = 0;
    for (Trial t : trials) {
      if (t.state() != TrialState.RUNNING && Double.isFinite(t.end())) {
        end = Math.max(end, t.end());
      }
    }
    return end;
  }

  /** Why the loop stops, with a message for people. */
  private record Stop(StopCause cause, String message) {}

  private static final class Tally {
    final boolean[] busy;
    int completed;
    int failed;
    int pruned;
    int infeasible;
    int interrupted;
    final BrokenObjectiveRule brokenRule;
    double ask;
    double eval;
    double tell;
    double lastWriteSeconds;
    /** Whether to speculate this round (on, off, or auto from measured times); set once the run starts. */
    SpeculationPolicy policy;
    long lastReapNanos = System.nanoTime();
    /** The study's trials as read after the last result, until the next proposal uses them. */
    List<Trial> fresh;
    /** A speculative pick accepted and waiting for the next free worker. */
    Speculator.Ready ready;
    /** Trials this run started and has not recorded yet, in order of start. */
    final java.util.LinkedHashMap<Integer, Trial> runningHere = new java.util.LinkedHashMap<>();

    Tally(int workers, BrokenObjectiveRule brokenRule) {
      busy = new boolean[workers];
      this.brokenRule = brokenRule;
    }
  }

  /** Configures a run. */
  public static final class Builder {
    private final Study study;
    private final Objective objective;
    private Optimizer optimizer;
    private Budget budget;
    private int workers = 1;
    private boolean simulate;
    private int failFastAfter;
    private SpeculationMode speculation = SpeculationMode.OFF;
    private boolean exactPredictions;
    private double initialTau = 0.1;
    private double latencySeconds;
    private RunListener listener = new RunListener() {};
    private java.util.Map<String, Object> trialAttributes = java.util.Map.of();
    private Scheduler scheduler;

    private Builder(Study study, Objective objective) {
      this.study = Objects.requireNonNull(study);
      this.objective = Objects.requireNonNull(objective);
    }

    public Builder optimizer(Optimizer optimizer) {
      this.optimizer = optimizer;
      return this;
    }

    public Builder budget(Budget budget) {
      this.budget = budget;
      return this;
    }

    public Builder workers(int workers) {
      if (workers < 1) {
        throw new IllegalArgumentException("workers must be at least 1 (got " + workers + ")");
      }
      this.workers = workers;
      return this;
    }

    /** Runs on the simulated clock: nothing sleeps, each trial is charged its reported cost. */
    public Builder simulate(boolean simulate) {
      this.simulate = simulate;
      return this;
    }

    /**
     * Stops the run when this many trials in a row fail the same way (the command cannot run, prints no metric,
     * or fails with one error) before any trial of the study completed or was infeasible; see
     * {@link BrokenObjectiveRule}. Default: max(3, 2 × workers).
     */
    public Builder failFastAfter(int failures) {
      this.failFastAfter = failures;
      return this;
    }

    /**
     * Speculates: while a trial runs, a fork of the optimizer prepares the next proposal under a predicted
     * result, kept when the real result is within relative error {@code initialTau}; a self-tuner then moves
     * the threshold from the run's own counts. {@link SpeculationMode#AUTO} does so only while proposing costs
     * a noticeable share of an evaluation. Off by default.
     */
    public Builder speculate(SpeculationMode mode, double initialTau) {
      if (!(initialTau > 0)) {
        throw new IllegalArgumentException("the speculation threshold must be positive (got " + initialTau + ")");
      }
      this.speculation = Objects.requireNonNull(mode);
      this.initialTau = initialTau;
      return this;
    }

    /**
     * For measuring speculation on the simulated clock: each prediction is the running trial's true result
     * (the simulated runner knows it when the trial starts), so an accepted pick must be the serial one.
     */
    public Builder exactPredictions() {
      this.exactPredictions = true;
      return this;
    }

    /**
     * A latency model for simulated runs: seconds added to every proposal on the simulated clock, as if the
     * judge were a real-size LLM answering in that time (speculation can hide it). Each trial notes it as
     * {@code latency_seconds}.
     */
    public Builder proposalLatency(double seconds) {
      if (seconds < 0 || !Double.isFinite(seconds)) {
        throw new IllegalArgumentException("proposal latency must be a finite number of seconds >= 0");
      }
      this.latencySeconds = seconds;
      return this;
    }

    /** Attributes stored on every trial this run starts, e.g. the seed of the run that proposed it. */
    public Builder trialAttributes(java.util.Map<String, Object> attributes) {
      this.trialAttributes = java.util.Map.copyOf(attributes);
      return this;
    }

    /**
     * Schedules budgets: which fidelity each new config starts at, which config is promoted to a higher one,
     * which running trial stops early (see {@link Scheduler}). Without one, every config runs as the objective
     * decides.
     */
    public Builder scheduler(Scheduler scheduler) {
      this.scheduler = scheduler;
      return this;
    }

    public Builder listener(RunListener listener) {
      this.listener = listener;
      return this;
    }

    public RunLoop build() {
      return new RunLoop(this);
    }
  }
}
