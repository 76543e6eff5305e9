package dev.asap.bench.task;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds the public benchmark data ({@code shared/benchdata}: YAHPO surrogates and HPOlib grids):
 * {@code $ASAP_BENCHDATA} when set, else {@code shared/benchdata} beside the working directory or one of its
 * parents ({@code ../shared/benchdata}, {@code ../../shared/benchdata}, …, up to three levels up).
 */
public final class BenchData {
  public static final String ENV = "ASAP_BENCHDATA";
  private static final int LEVELS_UP = 3;

  private BenchData() {}

  /** The data folder, if found from the current working directory and environment. */
  public static Optional<Path> locate() {
    return locate(Path.of("").toAbsolutePath(), System.getenv(ENV));
  }

  /** The first candidate that is a directory. */
  public static Optional<Path> locate(Path workingDir, String envValue) {
    return candidates(workingDir, envValue).stream().filter(Files::isDirectory).findFirst();
  }

  /** Where the data is looked for, in order; an explicit environment value is the only candidate. */
  public static List<Path> candidates(Path workingDir, String envValue) {
    List<Path> out = new ArrayList<>();
    if (envValue != null && !envValue.isBlank()) {
      out.add(Path.of(envValue).toAbsolutePath().normalize());
      return out;
    }
    Path dir = workingDir.toAbsolutePath().normalize();
    for (int up = 0; up <= LEVELS_UP && dir != null; up++) {
      out.add(dir.resolve("shared").resolve("benchdata"));
      dir = dir.getParent();
    }
    return out;
  }

  /** One line for people when the data is missing: which paths were looked for and what is skipped. */
  public static String missingMessage(Path workingDir, String envValue) {
    List<Path> c = candidates(workingDir, envValue);
    String where = c.size() == 1 ? c.get(0) + " (from $" + ENV + ") does not exist"
        : "none of " + c + " exists (set $" + ENV + " to its path)";
    return "benchmark data missing: " + where + "; YAHPO and HPOlib tasks are skipped";
  }
}
