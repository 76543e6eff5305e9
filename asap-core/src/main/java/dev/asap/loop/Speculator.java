package dev.asap.loop;

import dev.asap.clock.Clock;
import dev.asap.optimizer.History;
import dev.asap.optimizer.Optimizer;
import dev.asap.optimizer.Proposal;
import dev.asap.study.Study;
import dev.asap.trial.Trial;
import dev.asap.trial.TrialState;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Prepares the next proposal while a trial is still being evaluated, under a predicted result for it (from
 * {@link ValuePredictor}), and keeps the prepared pick only when the real result is close enough:
 * |y − ŷ| / max(|y|, ε) ≤ τ.
 *
 * <p>Each speculation proposes on a {@linkplain Optimizer#fork fork} of the running optimizer, so that the
 * prepared proposal comes from the run's exact state (a CMA-ES generation, a DE population, a judge's credit)
 * while a history holding a predicted value never touches that state. When the pick is accepted the fork
 * becomes the running optimizer: its state is the one that made the pick. When it is rejected the fork is
 * dropped and the running optimizer proposes on the real result.
 *
 * <p>On the real clock the speculation runs on a background thread and the time it still needs when the
 * trial ends is paid by waiting. On the simulated clock it runs at once, and the part of its measured time
 * that overlaps the trial's simulated evaluation is hidden, the rest paid.
 */
final class Speculator implements AutoCloseable {
  /** Every third accepted pick is checked against what the serial path would have chosen. */
  static final int SAMPLE_EVERY = 3;

  private final SelfTuner tuner;
  private final SpeculationStats stats = new SpeculationStats();
  private final ValuePredictor predictor = new ValuePredictor(stats);
  private final boolean simulated;
  private final double latencySeconds;
  private final ExecutorService background;
  private Pending pending;

  /**
   * A proposal prepared under a prediction and accepted, with the seconds it hid and the seconds still paid,
   * and which candidate predictor made the prediction.
   */
  record Ready(Proposal proposal, Optimizer tool, double hiddenSeconds, double paidSeconds, double predicted,
      double actual, double tau, String predictor) {}

  private record Timed(Proposal proposal, double seconds) {}

  /** A speculation under way: the fork it proposes on, and the optimizer it was forked from. */
  private record Pending(int target, ValuePredictor.Choice predicted, double startClock, Optimizer fork,
      Optimizer running, Future<Timed> future, Timed done) {}

  Speculator(double initialTau, boolean simulated, double latencySeconds) {
    this.tuner = new SelfTuner(initialTau);
    this.simulated = simulated;
    this.latencySeconds = latencySeconds;
    this.background = simulated ? null : Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "asap-speculation");
      t.setDaemon(true);
      return t;
    });
  }

  SpeculationStats stats() {
    return stats;
  }

  boolean hasPending() {
    return pending != null;
  }

  /**
   * Starts preparing the next proposal as if {@code target} had returned its predicted value, on a fork of
   * {@code running}; {@code trials} are the study's trials read before the target started, for the prediction.
   * {@code exact}, when not null, is the target's true result, used instead of a prediction (to measure
   * speculation itself). Does nothing when there is
   * nothing to predict from yet.
   */
  void prepare(Study study, List<Trial> trials, Trial target, Clock clock, Optimizer running, Double exact) {
    ValuePredictor.Choice predicted = exact != null ? new ValuePredictor.Choice(null, exact)
        : predictor.predict(target, trials, study.direction());
    if (predicted == null) {
      return;
    }
    stats.used(predicted.label());
    History hypothetical = study.history().assuming(target.number(), predicted.value());
    Optimizer fork = running.fork();
    if (simulated) {
      try {
        pending = new Pending(target.number(), predicted, clock.now(), fork, running, null,
            propose(fork, hypothetical));
      } catch (RuntimeException e) {
        pending = null;
      }
    } else {
      pending = new Pending(target.number(), predicted, clock.now(), fork, running,
          background.submit(() -> propose(fork, hypothetical)), null);
    }
  }

  /**
   * Decides the pending speculation once {@code c} has been recorded: the accepted proposal, or null when
   * there was none, it was for another trial, or the real result was too far from the prediction.
   */
  Ready resolve(Completion c, Study study, Clock clock) {
    Pending p = pending;
    pending = null;
    if (p == null) {
      return null;
    }
    if (c.number() != p.target()) {
      stats.missed++;
      drop(p);
      return null;
    }
    double tau = tuner.tau();
    Double y = c.value();
    double predicted = p.predicted().value();
    boolean close = c.state() == TrialState.COMPLETE && y != null
        && ValuePredictor.relativeError(y, predicted) <= tau;
    long waitStart = System.nanoTime();
    Timed t = close ? await(p) : null;
    double waited = (System.nanoTime() - waitStart) / 1e9;
    if (t == null) {
      stats.rejected++;
      drop(p);
      tuner.observe(stats);
      return null;
    }
    double hidden;
    double paid;
    if (simulated) {
      hidden = Math.min(t.seconds(), Math.max(0, clock.now() - p.startClock()));
      paid = t.seconds() - hidden;
    } else {
      paid = waited;
      hidden = Math.max(0, t.seconds() - paid);
    }
    stats.accepted++;
    stats.hiddenSeconds += hidden;
    stats.paidSeconds += paid;
    if (stats.accepted % SAMPLE_EVERY == 1) {
      // The running optimizer is replaced by the fork from here on, so the check may use it as it is.
      checkAgainstSerial(p.running(), t.proposal(), study.history());
    }
    tuner.observe(stats);
    return new Ready(t.proposal(), p.fork(), hidden, paid, predicted, y, tau, p.predicted().label());
  }

  /** An accepted pick the run never used (it stopped first): it hid nothing, it was wasted. */
  void unused(Ready r) {
    stats.accepted--;
    stats.hiddenSeconds -= r.hiddenSeconds();
    stats.paidSeconds -= r.paidSeconds();
    stats.missed++;
    stats.wastedSeconds += r.hiddenSeconds() + r.paidSeconds();
  }

  /** A prepared pick that was never used (the run stopped first). */
  void abandon() {
    if (pending != null) {
      stats.missed++;
      drop(pending);
      pending = null;
    }
  }

  @Override
  public void close() {
    if (background != null) {
      background.shutdownNow();
    }
  }

  private static Timed await(Pending p) {
    if (p.done() != null) {
      return p.done();
    }
    try {
      return p.future().get();
    } catch (ExecutionException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  private void drop(Pending p) {
    if (p.done() != null) {
      stats.wastedSeconds += p.done().seconds();
    } else if (p.future() != null && p.future().isDone() && !p.future().isCancelled()) {
      try {
        stats.wastedSeconds += p.future().get().seconds();
      } catch (ExecutionException | InterruptedException e) {
        // A failed speculation wasted nothing worth counting.
      }
    } else if (p.future() != null) {
      p.future().cancel(true);
    }
  }

  private Timed propose(Optimizer fork, History history) {
    long t0 = System.nanoTime();
    Proposal proposal = fork.propose(history);
    return new Timed(proposal, (System.nanoTime() - t0) / 1e9 + latencySeconds);
  }

  /**
   * Off the critical path: would the serial path, the running state knowing the real result, have chosen the
   * same config, or at least an equivalent one (close, or nearly as promising under its own model)?
   */
  private void checkAgainstSerial(Optimizer serialPath, Proposal accepted, History truth) {
    Runnable check = () -> {
      boolean equal;
      boolean equivalent;
      try {
        Proposal serial = serialPath.propose(truth);
        equal = serial.config().equals(accepted.config());
        equivalent = PickEquivalence.equivalent(truth.space(), serial, accepted)
            || PickEquivalence.asGoodUnderModel(serialPath, serial, accepted);
      } catch (RuntimeException e) {
        equal = false;
        equivalent = false;
      }
      synchronized (stats) {
        stats.sampled++;
        stats.equalToSerial += equal ? 1 : 0;
        stats.equivalentToSerial += equivalent ? 1 : 0;
      }
    };
    if (simulated) {
      check.run();
    } else {
      background.submit(check);
    }
  }
}
