package dev.asap.studyfile;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How to evaluate one trial of a study file: a shell command whose {@code {name}} placeholders are filled
 * with the trial's parameter values (see {@link CommandPlaceholders}).
 *
 * @param command the command line; required
 * @param timeout how long one trial may run, or null for no limit
 * @param workdir where the command runs; the study file's directory unless the file says otherwise
 * @param env extra environment variables, in file order
 */
public record ObjectiveSpec(String command, Duration timeout, Path workdir, Map<String, String> env) {

  public ObjectiveSpec {
    if (command == null || command.isBlank()) {
      throw new IllegalArgumentException("the objective needs a command");
    }
    Objects.requireNonNull(workdir, "workdir");
    if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
      throw new IllegalArgumentException("the objective's timeout must be positive, got " + timeout);
    }
    env = env == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(env));
  }
}
