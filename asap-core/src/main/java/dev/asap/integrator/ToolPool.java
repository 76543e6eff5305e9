package dev.asap.integrator;

import dev.asap.optimizer.History;
import dev.asap.optimizer.Optimizer;
import dev.asap.optimizer.Proposal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Asks every tool of the pool for a proposal on the same history, in parallel threads, timing each tool
 * on its own. A tool that throws is left out of the round and reported, never allowed to stop the run.
 *
 * <p>All pools share one daemon thread per core: tools are CPU-bound, so more threads would only make
 * their measured times longer, and a pool per study must not leak threads.
 */
public final class ToolPool {
  private static final ExecutorService THREADS = Executors.newFixedThreadPool(
      Runtime.getRuntime().availableProcessors(), r -> {
        Thread t = new Thread(r, "asap-pool");
        t.setDaemon(true);
        return t;
      });
  private final List<Optimizer> tools;

  public ToolPool(List<Optimizer> tools) {
    if (tools.isEmpty()) {
      throw new IllegalArgumentException("a pool needs at least one tool");
    }
    this.tools = List.copyOf(tools);
  }

  public List<Optimizer> tools() {
    return tools;
  }

  /** An independent copy with every tool forked (see {@link Optimizer#fork}), in the same order. */
  public ToolPool fork() {
    return new ToolPool(tools.stream().map(Optimizer::fork).toList());
  }

  /**
   * One round: every tool's proposal (with its own compute time) and the tools that failed; without the
   * {@link RetiringTool}s when {@code slowToolsRetired}.
   */
  public Round propose(History history, boolean slowToolsRetired) throws InterruptedException {
    long t0 = System.nanoTime();
    List<Future<Proposal>> futures = new ArrayList<>();
    List<Optimizer> asked = new ArrayList<>();
    for (Optimizer tool : tools) {
      if (slowToolsRetired && tool instanceof RetiringTool) {
        continue;
      }
      asked.add(tool);
      futures.add(THREADS.submit(() -> {
        long start = System.nanoTime();
        Proposal p = tool.propose(history);
        return p.withComputeSeconds((System.nanoTime() - start) / 1e9);
      }));
    }
    List<Proposal> proposals = new ArrayList<>();
    List<Optimizer> proposers = new ArrayList<>();
    List<String> failures = new ArrayList<>();
    for (int i = 0; i < futures.size(); i++) {
      try {
        proposals.add(futures.get(i).get());
        proposers.add(asked.get(i));
      } catch (ExecutionException e) {
        Throwable cause = e.getCause();
        failures.add(asked.get(i).name() + ": " + cause.getClass().getSimpleName()
            + (cause.getMessage() == null ? "" : " " + cause.getMessage()));
      }
    }
    return new Round(proposals, proposers, failures, (System.nanoTime() - t0) / 1e9);
  }

  /**
   * The proposals of one round with the tool that made each ({@code proposers}, same order), the tools that
   * failed (with why) and the round's wall time.
   */
  public record Round(List<Proposal> proposals, List<Optimizer> proposers, List<String> failures,
      double wallSeconds) {
    public Round {
      proposals = List.copyOf(proposals);
      proposers = List.copyOf(proposers);
      failures = List.copyOf(failures);
    }

    /** Tells every tool but the chosen one's that its proposal of this round will not be evaluated. */
    void discardAllBut(int chosen) {
      for (int i = 0; i < proposals.size(); i++) {
        if (i != chosen) {
          proposers.get(i).discard(proposals.get(i));
        }
      }
    }
  }
}
