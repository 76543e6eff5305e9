package dev.asap.objective.command;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Starts each command in a session of its own and kills it whole: the session's process group, plus every
 * descendant still attached to the command's process (one that started a session of its own, say).
 *
 * <p>A session of its own means two things: Ctrl-C at the terminal reaches ASAP only, which then ends each
 * running trial itself and records it; and a background process the command left behind (a data loader, a
 * server it started) can be found and killed when the command ends, instead of holding its output open.
 */
final class ProcessTree {
  /** util-linux's setsid, present on every Linux distribution; without it commands share ASAP's group. */
  private static final Path SETSID = Path.of("/usr/bin/setsid");
  private static final Path SETPRIV = Path.of("/usr/bin/setpriv");

  private ProcessTree() {}

  /**
   * The argv that runs {@code command} as the leader of a new session, where the system allows it, and that
   * dies with ASAP even when ASAP is killed with SIGKILL and cannot clean up.
   */
  static List<String> inNewSession(List<String> command) {
    if (!Files.isExecutable(SETSID)) {
      return command;
    }
    List<String> argv = new ArrayList<>();
    argv.add(SETSID.toString());
    // -w: if setsid had to fork to become a session leader, wait and pass on the exit status.
    argv.add("-w");
    if (Files.isExecutable(SETPRIV)) {
      // The parent-death signal: the kernel kills the command when the thread that started it dies, which
      // is ASAP's evaluating thread, alive until the command has ended.
      argv.addAll(List.of(SETPRIV.toString(), "--pdeathsig", "KILL"));
    }
    argv.addAll(command);
    return argv;
  }

  /**
   * Sends SIGKILL to the process group led by {@code root} and to all descendants of {@code root}, parents
   * first so that no parent can start replacements for children that were already killed.
   */
  static void kill(ProcessHandle root) {
    killGroup(root.pid());
    Deque<ProcessHandle> pending = new ArrayDeque<>();
    pending.add(root);
    while (!pending.isEmpty()) {
      ProcessHandle process = pending.removeFirst();
      // Children can only be found through their parent, so list them before killing it: once it is gone
      // they are re-parented and can no longer be told apart from unrelated processes.
      List<ProcessHandle> children = process.children().toList();
      process.destroyForcibly();
      pending.addAll(children);
    }
  }

  /** Kills what is left of the command's group once its leader has exited (a no-op when nothing is). */
  static void killGroup(long leader) {
    signalGroup(leader, "KILL");
  }

  /**
   * Asks the command to end: SIGTERM to its whole group (a training script can save a checkpoint and exit),
   * or to the process alone when commands cannot get a group of their own.
   */
  static void terminate(Process process) {
    if (Files.isExecutable(SETSID)) {
      signalGroup(process.pid(), "TERM");
    } else {
      process.destroy();
    }
  }

  private static void signalGroup(long leader, String signal) {
    if (!Files.isExecutable(SETSID)) {
      return;
    }
    try {
      // The shell's kill builtin signals a whole group; Java's process API cannot.
      Process kill = new ProcessBuilder("/bin/sh", "-c", "kill -" + signal + " -" + leader + " 2>/dev/null")
          .redirectErrorStream(true).start();
      kill.getInputStream().close();
      if (!kill.waitFor(5, TimeUnit.SECONDS)) {
        kill.destroyForcibly();
      }
    } catch (IOException e) {
      // Cannot start a shell: the descendants walk in kill() is all that is left.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
