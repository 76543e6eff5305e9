package dev.asap.bench.quality;

import dev.asap.bench.synthetic.SyntheticFunction;
import dev.asap.optimizer.Optimizer;
import dev.asap.tools.Optimizers;
import dev.asap.store.InMemoryStore;
import dev.asap.trial.Direction;
import dev.asap.study.Study;
import dev.asap.trial.Trial;
import java.util.Arrays;
import java.util.stream.LongStream;

/** Runs one tool on one synthetic function through the ask/tell API and reports the best value found. */
public final class QualityRun {
  private QualityRun() {}

  /** Best (lowest) value after {@code trials} sequential trials. */
  public static double bestValue(String tool, SyntheticFunction f, int trials, long seed) {
    Study study = Study.createOrOpen(new InMemoryStore(), f.name(), f.space(), Direction.MINIMIZE);
    Optimizer o = Optimizers.create(tool, f.space(), seed);
    double best = Double.POSITIVE_INFINITY;
    for (int i = 0; i < trials; i++) {
      Trial t = study.ask(o);
      double v = f.value(t.config());
      study.tell(t.number(), v);
      best = Math.min(best, v);
    }
    return best;
  }

  /** Median over seeds 0 … seeds-1 of the best value after {@code trials} trials. */
  public static double medianBest(String tool, SyntheticFunction f, int trials, int seeds) {
    double[] best = LongStream.range(0, seeds).mapToDouble(s -> bestValue(tool, f, trials, s)).toArray();
    Arrays.sort(best);
    return seeds % 2 == 1 ? best[seeds / 2] : (best[seeds / 2 - 1] + best[seeds / 2]) / 2;
  }
}
