package dev.asap.store.jdbc;

import dev.asap.loop.Budget;
import dev.asap.loop.RunLoop;
import dev.asap.loop.RunReport;
import dev.asap.objective.Evaluation;
import dev.asap.optimizer.random.RandomSearch;
import dev.asap.space.CategoricalParameter;
import dev.asap.space.FloatParameter;
import dev.asap.space.IntParameter;
import dev.asap.space.SearchSpace;
import dev.asap.store.InMemoryStore;
import dev.asap.store.StudyStore;
import dev.asap.trial.Direction;
import dev.asap.study.Study;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Per-trial cost of the whole loop (propose with random search, start, evaluate a trivial objective,
 * record) on SQLite against the in-memory store, 1,000 trials each, in one JVM. Prints the ratio.
 *
 * <p>Run: {@code mvn -q -B test-compile -pl asap-jdbc -am && java -cp "$(cat asap-jdbc/target/cp.txt)" ...}; see
 * the README's "Measurements" section for the exact command.
 */
public final class LoopOverheadMain {
  private static final SearchSpace SPACE = SearchSpace.builder()
      .add(FloatParameter.of("x", 0, 1))
      .add(FloatParameter.log("lr", 1e-5, 1))
      .add(IntParameter.of("layers", 1, 8))
      .add(CategoricalParameter.of("opt", "adam", "sgd"))
      .add(FloatParameter.of("momentum", 0, 1))
      .when("momentum", "opt", "sgd")
      .build();

  public static void main(String[] args) throws Exception {
    int trials = args.length > 0 ? Integer.parseInt(args[0]) : 1_000;
    // Warm up the JIT on both paths before measuring.
    perTrial(new InMemoryStore(), 300);
    Path warm = Files.createTempFile("asap-warm", ".db");
    try (StudyStore s = SqliteStore.open(warm)) {
      perTrial(s, 300);
    }
    double memory = perTrial(new InMemoryStore(), trials);
    Path file = Files.createTempFile("asap-overhead", ".db");
    double sqlite;
    try (StudyStore s = SqliteStore.open(file)) {
      sqlite = perTrial(s, trials);
    }
    System.out.printf("trials: %d%nin-memory: %.3f ms per trial%nsqlite:    %.3f ms per trial%nratio:     %.1fx%n",
        trials, memory * 1e3, sqlite * 1e3, sqlite / memory);
  }

  private static double perTrial(StudyStore store, int trials) {
    Study study = Study.createOrOpen(store, "overhead", SPACE, Direction.MINIMIZE);
    long t0 = System.nanoTime();
    RunReport r = RunLoop.builder(study, (c, ctx) -> Evaluation.of(c.getDouble("x")))
        .optimizer(new RandomSearch(1)).budget(Budget.trials(trials)).build().run();
    double seconds = (System.nanoTime() - t0) / 1e9;
    if (r.completed() != trials) {
      throw new IllegalStateException("expected " + trials + " trials, ran " + r.completed());
    }
    return seconds / trials;
  }
}
