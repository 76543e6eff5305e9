package dev.asap.studyfile;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How to evaluate one trial of a study file: a shell command whose {@code {name}} placeholders are filled
 * with the trial's parameter values (see {@link dev.asap.objective.command.CommandObjective}).
 *
 * @param command the command line; required
 * @param timeout how long one trial may run, or null for no limit
 * @param workdir where the command runs; the study file's directory unless the file says otherwise
 * @param env extra environment variables, in file order
 * @param infeasibleExitCodes exit codes that mark the config infeasible rather than the trial failed (137 for
 *                            an out-of-memory kill, say)
 */
public record ObjectiveSpec(String command, Duration timeout, Path workdir, Map<String, String> env,
    java.util.Set<Integer> infeasibleExitCodes) {

  public ObjectiveSpec(String command, Duration timeout, Path workdir, Map<String, String> env) {
    this(command, timeout, workdir, env, java.util.Set.of());
  }

  public ObjectiveSpec {
    if (command == null || command.isBlank()) {
      throw new IllegalArgumentException("the objective needs a command");
    }
    Objects.requireNonNull(workdir, "workdir");
    if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
      throw new IllegalArgumentException("the objective's timeout must be positive, got " + timeout);
    }
    env = env == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(env));
    infeasibleExitCodes = infeasibleExitCodes == null ? java.util.Set.of()
        : Collections.unmodifiableSet(new java.util.TreeSet<>(infeasibleExitCodes));
  }
}
