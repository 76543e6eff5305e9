package dev.asap.store.jdbc;

import dev.asap.store.InMemoryStore;
import dev.asap.store.StudyStore;
import dev.asap.store.StudyStore.NewTrial;
import dev.asap.store.StudyStore.Outcome;
import dev.asap.trial.Direction;
import dev.asap.trial.TrialState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Measures what a durable store costs per trial: the time of one start+finish pair on {@link SqliteStore} and on
 * {@link InMemoryStore}, in one JVM. {@code SqliteOverheadMain [TRIALS [ROUNDS]]} (default 1000 trials, 7
 * rounds) runs TRIALS pairs on a fresh store per round, after one warm-up round, and prints the median round.
 * Not a test: it prints, and its numbers depend on the disk and the machine's load.
 */
public final class SqliteOverheadMain {
  private SqliteOverheadMain() {}

  public static void main(String[] args) throws IOException {
    int trials = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 7;
    Path dir = Files.createTempDirectory("asap-overhead");
    try {
      int[] files = {0};
      Supplier<StudyStore> sqlite = () -> SqliteStore.open(dir.resolve("overhead" + files[0]++ + ".db"));
      // The warm-up round compiles the hot paths and loads the native SQLite library.
      pairs(InMemoryStore::new, trials);
      pairs(sqlite, trials);
      double[] memory = new double[rounds];
      double[] onDisk = new double[rounds];
      for (int r = 0; r < rounds; r++) {
        memory[r] = pairs(InMemoryStore::new, trials);
        onDisk[r] = pairs(sqlite, trials);
      }
      double m = median(memory);
      double d = median(onDisk);
      System.out.printf("%d start+finish pairs per store, median of %d rounds (files in %s)%n", trials, rounds, dir);
      System.out.printf("InMemoryStore: %10.2f us per pair   rounds %s%n", m, round(memory));
      System.out.printf("SqliteStore:   %10.2f us per pair   rounds %s%n", d, round(onDisk));
      System.out.printf("ratio:         %10.0f x%n", d / m);
    } finally {
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  /** Microseconds per start+finish pair on a fresh store from {@code stores}. */
  private static double pairs(Supplier<StudyStore> stores, int trials) {
    try (StudyStore store = stores.get()) {
      long id = store.createOrOpen("overhead", Direction.MINIMIZE,
          "{\"x\":{\"type\":\"float\",\"low\":0.0,\"high\":1.0}}").id();
      long t0 = System.nanoTime();
      for (int i = 0; i < trials; i++) {
        int number = store.start(id, new NewTrial(Map.of("x", i / (double) trials, "layers", (long) i % 4),
            "random", 0, "bench", 0.001, i, i, Map.of())).number();
        store.finish(id, number, new Outcome(TrialState.COMPLETE, (double) i, null, 0.01, 0.001, i, Map.of()));
      }
      return (System.nanoTime() - t0) / 1e3 / trials;
    }
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  private static String round(double[] values) {
    return Arrays.stream(values).mapToObj(v -> String.format("%.1f", v)).toList().toString();
  }
}
