package dev.asap.cli;

import dev.asap.loop.Budget;
import dev.asap.loop.RunListener;
import dev.asap.trial.Trial;
import dev.asap.trial.TrialState;
import java.io.PrintStream;

/**
 * Shows progress while a study runs. On a terminal: a bar with best-so-far redrawn in place, and a line
 * for each new best or failure. Elsewhere (logs, CI): one line per finished trial.
 */
final class ProgressPrinter implements RunListener {
  private static final int BAR = 24;
  private final PrintStream out;
  private final Budget budget;
  private final boolean terminal;
  private final long startNanos = System.nanoTime();
  private int finished;
  private int running;
  private int existing;
  private Integer bestNumber;
  private Trial lastBest;
  private boolean barShown;
  private java.util.concurrent.ScheduledExecutorService ticker;

  ProgressPrinter(PrintStream out, Budget budget, boolean terminal) {
    this.out = out;
    this.budget = budget;
    this.terminal = terminal;
  }

  @Override
  public synchronized void runStarted(RunStart start) {
    if (terminal) {
      // Trials can run for minutes: keep the elapsed time moving between events.
      ticker = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "asap-progress");
        t.setDaemon(true);
        return t;
      });
      ticker.scheduleAtFixedRate(this::redraw, 1, 1, java.util.concurrent.TimeUnit.SECONDS);
    }
    existing = start.existingTrials();
    if (start.existingTrials() > 0) {
      out.printf("      resuming: %d trials already stored%s%n", start.existingTrials(),
          start.recoveredTrials() > 0 ? " (" + start.recoveredTrials()
              + " left running by a dead process are marked failed)" : "");
    }
  }

  @Override
  public synchronized void trialStarted(Trial trial) {
    running++;
    redraw();
  }

  @Override
  public synchronized void trialFinished(Trial t, Trial best) {
    running = Math.max(0, running - 1);
    finished++;
    boolean newBest = best != null && best.number() == t.number()
        && (bestNumber == null || bestNumber != t.number());
    if (best != null) {
      bestNumber = best.number();
    }
    if (!terminal) {
      out.printf("trial %d %s%s | best %s%n", t.number(), describe(t), newBest ? " (new best)" : "",
          best == null ? "-" : Numbers.format(best.value()) + " (#" + best.number() + ")");
      return;
    }
    if (newBest || t.state() == TrialState.FAILED || t.state() == TrialState.INTERRUPTED) {
      clearBar();
      out.printf("trial %d %s%s%n", t.number(), describe(t), newBest ? " (new best)" : "");
    }
    redraw(best);
  }

  @Override
  public synchronized void runFinished(dev.asap.loop.RunReport report) {
    if (ticker != null) {
      ticker.shutdownNow();
    }
    clearBar();
  }

  private String describe(Trial t) {
    return switch (t.state()) {
      case COMPLETE -> "value " + Numbers.format(t.value()) + " in " + Numbers.seconds(t.timings().evalSeconds());
      case PRUNED -> "pruned";
      case FAILED -> "failed: " + firstLine(t.error());
      case INFEASIBLE -> "infeasible: " + firstLine(t.error());
      case INTERRUPTED -> "interrupted: " + firstLine(t.error());
      case RUNNING -> "running";
    };
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "(no reason given)";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl) + " ...";
  }

  private synchronized void redraw() {
    redraw(lastBest);
  }

  private void redraw(Trial best) {
    lastBest = best;
    if (!terminal) {
      return;
    }
    double elapsed = (System.nanoTime() - startNanos) / 1e9;
    double fraction = fraction(elapsed);
    int filled = (int) Math.round(fraction * BAR);
    String bar = "#".repeat(filled) + "-".repeat(BAR - filled);
    String total = budget.trials() != null ? "/" + budget.trials() : "";
    out.printf("\r[%s] %d%s trials | best %s | running %d | %s ", bar, existing + finished, total,
        best == null ? "-" : Numbers.format(best.value()), running, clock(elapsed));
    out.flush();
    barShown = true;
  }

  private double fraction(double elapsed) {
    double f = 0;
    if (budget.trials() != null && budget.trials() > 0) {
      f = Math.max(f, (existing + finished) / (double) budget.trials());
    }
    if (budget.time() != null) {
      f = Math.max(f, elapsed / (budget.time().toMillis() / 1e3));
    }
    return Math.min(1, f);
  }

  private void clearBar() {
    if (terminal && barShown) {
      out.print("\r" + " ".repeat(100) + "\r");
      barShown = false;
    }
  }

  private static String clock(double seconds) {
    long s = Math.round(seconds);
    return String.format("%d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60);
  }
}
