package dev.asap.objective.command;

import dev.asap.objective.Evaluation;
import dev.asap.objective.FailureKind;
import dev.asap.objective.TrialContext;
import dev.asap.objective.TrialFailedException;
import dev.asap.objective.TrialPrunedException;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * One run of a command for one trial: starts the process, follows its output under a deadline and turns
 * how it ended into an {@link Evaluation} or a {@link TrialFailedException}. Whatever happens, including
 * an interruption of the calling thread, the process tree is not left running.
 */
final class CommandRun {
  private static final int STDERR_LINES = 20;
  private static final int STDERR_CHARS = 2000;
  private static final int MAX_LINE_CHARS = 1 << 20;
  /** How often to look at the process and the deadline while no output arrives. */
  private static final long IDLE_CHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
  /**
   * Output normally ends when the command exits and its session is killed. If it does not, a process that
   * left the session still holds the pipe: we read on until it has been silent this long, then stop waiting.
   */
  private static final Duration EXIT_GRACE = Duration.ofSeconds(2);
  /** The longest we keep reading after the exit, for a background process that never stops writing. */
  private static final Duration EXIT_LIMIT = Duration.ofSeconds(30);
  /** How long a command asked to stop (SIGTERM) may take to save its state and exit before it is killed. */
  static final Duration STOP_GRACE = Duration.ofSeconds(10);

  /** How following a command's output ended. */
  private enum Followed { ENDED, TIMED_OUT, STOP_ASKED }

  private final ProcessBuilder builder;
  private final Duration timeout;
  private final TrialContext context;
  private final java.util.Set<Integer> infeasibleExitCodes;
  private final java.util.Set<Process> running;

  /** @param running where the process is listed while it runs */
  CommandRun(ProcessBuilder builder, Duration timeout, TrialContext context, java.util.Set<Integer> infeasibleExitCodes,
      java.util.Set<Process> running) {
    this.builder = builder;
    this.timeout = timeout;
    this.context = context;
    this.infeasibleExitCodes = infeasibleExitCodes;
    this.running = running;
  }

  Evaluation run() throws TrialFailedException, TrialPrunedException, InterruptedException {
    Deadline deadline = Deadline.after(timeout);
    Process process = start();
    running.add(process);
    LineQueue stdout = new LineQueue();
    TailBuffer stderr = new TailBuffer(STDERR_LINES, STDERR_CHARS);
    try {
      closeStdin(process);
      String name = "asap-trial-" + context.trialNumber();
      StreamPump stderrPump = StreamPump.start(name + "-stderr", process.getErrorStream(), STDERR_CHARS,
          true, stderr::add);
      StreamPump.start(name + "-stdout", process.getInputStream(), MAX_LINE_CHARS, false, stdout);
      CommandOutput output = new CommandOutput(context);

      Followed followed = follow(process, stdout, output, deadline, context);
      if (followed == Followed.STOP_ASKED) {
        throw stop(process, stderrPump, output);
      }
      boolean finished = followed == Followed.ENDED
          && process.waitFor(deadline.remainingNanos(Long.MAX_VALUE), TimeUnit.NANOSECONDS);
      if (!finished) {
        ProcessTree.kill(process.toHandle());
        stderrPump.awaitEnd(EXIT_GRACE);
        throw failure("timed out after " + seconds(timeout) + "; the process tree was killed", FailureKind.TIMED_OUT,
            output.reportedCost(), stderr, null);
      }
      stderrPump.awaitEnd(EXIT_GRACE);
      int code = process.exitValue();
      if (code != 0 && !output.reportedInfeasible()) {
        String exit = "command exited with code " + code + exitHint(code);
        if (infeasibleExitCodes.contains(code)) {
          // The user declared this exit (an OOM kill, say) to mean "this config cannot run".
          return Evaluation.infeasible(withStderr(exit + ", listed in infeasible_exit_codes", stderr),
              output.reportedCost());
        }
        throw failure(exit, code == 126 || code == 127 ? FailureKind.NOT_RUNNABLE : FailureKind.CRASHED,
            output.reportedCost(), stderr, null);
      }
      try {
        return output.evaluation();
      } catch (TrialFailedException e) {
        throw failure(e.getMessage(), e.kind(), e.costSeconds(), stderr, e);
      }
    } finally {
      running.remove(process);
      stdout.abandon();
      // Reached with the process still running only when this thread was interrupted or the trial
      // context threw: nothing of the command may outlive the evaluation.
      if (process.isAlive()) {
        ProcessTree.kill(process.toHandle());
      }
    }
  }

  /**
   * The scheduler stopped the trial: the command gets SIGTERM and {@link #STOP_GRACE} to exit (time to save a
   * checkpoint), then whatever is left is killed. Its last reported step stays the trial's value.
   */
  private static TrialPrunedException stop(Process process, StreamPump stderrPump, CommandOutput output)
      throws InterruptedException {
    // The shell that runs the command exits on SIGTERM at once; the training process under it may take a
    // while to save. So every process of the tree gets the grace period, not only the leader.
    List<ProcessHandle> tree = new java.util.ArrayList<>(process.descendants().toList());
    tree.add(process.toHandle());
    ProcessTree.terminate(process);
    long deadline = System.nanoTime() + STOP_GRACE.toNanos();
    for (ProcessHandle p : tree) {
      while (p.isAlive() && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
    }
    ProcessTree.kill(process.toHandle()); // the group first, then whatever is left of the tree
    stderrPump.awaitEnd(EXIT_GRACE);
    return new TrialPrunedException("stopped by the scheduler", output.reportedCost());
  }

  private Process start() throws TrialFailedException {
    try {
      return builder.start();
    } catch (IOException e) {
      throw new TrialFailedException("command could not be started in " + builder.directory() + ": "
          + e.getMessage(), FailureKind.NOT_RUNNABLE, null, e);
    }
  }

  /**
   * Passes stdout lines to {@code output} until stdout ends (ENDED), the deadline passes while the process is
   * still running (TIMED_OUT), or after a reported step the scheduler wants the trial stopped (STOP_ASKED).
   */
  private static Followed follow(Process process, LineQueue stdout, CommandOutput output, Deadline deadline,
      TrialContext context) throws InterruptedException {
    long exitSeenAt = 0;
    boolean exited = false;
    while (true) {
      boolean alive = process.isAlive();
      if (alive && deadline.passed()) {
        return Followed.TIMED_OUT;
      }
      if (!alive && !exited) {
        exited = true;
        exitSeenAt = System.nanoTime();
        // What the command left behind in its session dies with it, and stops holding its output open.
        ProcessTree.killGroup(process.pid());
      }
      if (exited && System.nanoTime() - exitSeenAt >= EXIT_LIMIT.toNanos()) {
        return Followed.ENDED;
      }
      long wait = alive ? deadline.remainingNanos(IDLE_CHECK_NANOS) : EXIT_GRACE.toNanos();
      Optional<String> line = stdout.poll(wait);
      if (line == null) {
        if (exited) {
          return Followed.ENDED; // silent since the exit: what still holds stdout is not the command itself
        }
      } else if (line.isEmpty()) {
        return Followed.ENDED;
      } else if (output.accept(line.get()) && !exited && context.shouldStop()) {
        return Followed.STOP_ASKED;
      }
    }
  }

  private static void closeStdin(Process process) {
    // The command gets no input: one that reads stdin sees its end instead of waiting forever.
    try {
      process.getOutputStream().close();
    } catch (IOException alreadyGone) {
      // The process has exited already; its exit code will tell.
    }
  }

  private static TrialFailedException failure(String reason, FailureKind kind, Double cost, TailBuffer stderr,
      Throwable cause) {
    return new TrialFailedException(withStderr(reason, stderr), kind, cost, cause);
  }

  private static String withStderr(String reason, TailBuffer stderr) {
    String tail = stderr.text();
    return tail.isEmpty() ? reason : reason + "; stderr ends with:\n" + tail;
  }

  private static String exitHint(int code) {
    switch (code) {
      case 126:
        return " (the command is not executable)";
      case 127:
        return " (command not found)";
      default:
        // The shell reports a child killed by signal n as 128 + n.
        return code > 128 && code < 128 + 65 ? " (killed by signal " + (code - 128) + ")" : "";
    }
  }

  /** "60s", "1.5s": the timeout as the user would have written it. */
  static String seconds(Duration d) {
    BigDecimal s = BigDecimal.valueOf(d.getSeconds()).add(BigDecimal.valueOf(d.getNano(), 9));
    return s.stripTrailingZeros().toPlainString() + "s";
  }
}
