package dev.asap.objective.command;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/** Kills a process together with every process it started. */
final class ProcessTree {
  private ProcessTree() {}

  /**
   * Sends SIGKILL ({@link ProcessHandle#destroyForcibly}) to {@code root} and all its descendants, parents
   * first so that no parent can start replacements for children that were already killed.
   */
  static void kill(ProcessHandle root) {
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
}
