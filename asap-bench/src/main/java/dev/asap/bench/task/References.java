package dev.asap.bench.task;

import dev.asap.bench.stats.Quantiles;
import dev.asap.objective.Evaluation;
import dev.asap.objective.TrialContext;
import dev.asap.space.Config;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Estimates each task's {@link TaskReference} from a fixed, seeded sample of uniformly random configs, once per
 * task and sample size for the life of the process. Infeasible answers count towards the infeasible share only;
 * failed evaluations towards nothing but the draws.
 */
public final class References {
  /** Fixed so that every run of every harness normalises a task by the same numbers. */
  public static final long SAMPLE_SEED = 20_230_101L;
  private static final Map<String, TaskReference> CACHE = new ConcurrentHashMap<>();

  private References() {}

  /** The reference with the task's own sample size. */
  public static TaskReference of(BenchmarkTask task) {
    return of(task, task.referenceSamples());
  }

  /** The reference from {@code samples} random configs (0: optimum only, no random median or cost). */
  public static TaskReference of(BenchmarkTask task, int samples) {
    return CACHE.computeIfAbsent(task.family() + "/" + task.name() + "/" + samples, k -> estimate(task, samples));
  }

  static TaskReference estimate(BenchmarkTask task, int samples) {
    Random random = new Random(SAMPLE_SEED);
    double[] losses = new double[samples];
    double[] costs = new double[samples];
    int n = 0;
    int infeasible = 0;
    int drawn;
    for (drawn = 0; drawn < samples; drawn++) {
      Config c = task.space().sample(random);
      Evaluation e;
      try {
        e = task.objective().evaluate(c, TrialContext.DETACHED);
      } catch (InterruptedException stop) {
        Thread.currentThread().interrupt();
        break;
      } catch (Exception failed) {
        continue;
      }
      if (e != null && !e.isFeasible()) {
        infeasible++;
        continue;
      }
      if (e == null || !Double.isFinite(e.value())) {
        continue;
      }
      losses[n] = task.direction().toLoss(e.value());
      costs[n] = e.costSeconds() == null ? Double.NaN : e.costSeconds();
      n++;
    }
    double[] l = Arrays.copyOf(losses, n);
    double[] c = Arrays.copyOf(costs, n);
    double mean = Quantiles.mean(c);
    return new TaskReference(task.name(), task.optimum(), Quantiles.median(l), mean, Quantiles.median(c), n,
        drawn == 0 ? Double.NaN : (double) infeasible / drawn);
  }
}
