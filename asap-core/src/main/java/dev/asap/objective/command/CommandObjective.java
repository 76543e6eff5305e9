package dev.asap.objective.command;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.asap.objective.Evaluation;
import dev.asap.objective.Objective;
import dev.asap.objective.TrialContext;
import dev.asap.objective.TrialFailedException;
import dev.asap.objective.TrialPrunedException;
import dev.asap.space.Config;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * An objective that runs a shell command per trial.
 *
 * <p><b>Command.</b> The template runs through {@code /bin/sh} in the working directory, in a session of
 * its own that is killed whole when the command ends. Each <code>{name}</code> (a name starting with a letter
 * or {@code _}, then letters, digits, {@code _}, {@code .} or {@code -}) is replaced by the value of parameter
 * {@code name}, or by the empty string when the parameter is inactive in the config. Whatever quotes
 * surround it, the program receives exactly the value and no character of it acts as shell syntax; a
 * placeholder where that cannot be guaranteed (a comment, backquotes, {@code $(( ))}) is rejected when the
 * objective is made. <code>{{</code> and <code>}}</code> are literal braces, and any other brace is literal
 * text. The environment is inherited, plus the extra variables, plus {@code ASAP_CONFIG} (the active
 * parameters as a JSON object) and {@code ASAP_TRIAL} (the trial number).
 *
 * <p><b>Output.</b> Stdout is read as it is written. A line {@code {"step": s, "value": v}} reports an
 * intermediate value. The metric is the last line that is a bare number or a JSON object with
 * {@code "value"} and no {@code "step"}; in the latter, {@code "cost"} gives the seconds to charge for
 * the trial and the other number and string fields are kept as trial attributes. Other lines are logs.
 *
 * <p><b>Infeasible configs.</b> A last result line {@code {"feasible": false}} (with an optional
 * {@code "reason"} and {@code "cost"}) or {@code {"value": null}}, or an exit code listed as infeasible, makes
 * the trial INFEASIBLE: the config cannot run, which the tools learn from.
 *
 * <p><b>Failures.</b> A non-zero exit code, a time-out (the whole process tree is killed), a missing, NaN
 * or infinite metric or a bad cost fail the trial with a reason that ends with the last lines of stderr.
 * A failed trial is charged the {@code "cost"} of its last result line when it printed one.
 * Interrupting the evaluating thread kills the process tree and throws {@link InterruptedException}.
 */
public final class CommandObjective implements Objective {
  private static final Set<String> RESERVED_VARIABLES = Set.of("ASAP_CONFIG", "ASAP_TRIAL");
  /** ASCII-only JSON: environment variables pass through the platform charset, which may be ASCII. */
  private static final JsonMapper JSON = JsonMapper.builder()
      .enable(com.fasterxml.jackson.core.json.JsonWriteFeature.ESCAPE_NON_ASCII).build();

  private final CommandTemplate template;
  private final Duration timeout;
  private final Path workingDirectory;
  private final Map<String, String> environment;
  private final Set<Integer> infeasibleExitCodes;
  /** Commands running now, so that an emergency stop can kill them without waiting for their threads. */
  private final Set<Process> running = java.util.concurrent.ConcurrentHashMap.newKeySet();

  /**
   * @param template         the command line with <code>{name}</code> placeholders
   * @param timeout          how long one run may take before it is killed; null for no limit
   * @param workingDirectory where the command runs
   * @param environment      variables to add to the inherited environment
   * @throws IllegalArgumentException when the template is empty, the timeout is not positive or a
   *                                  variable cannot be set
   */
  public CommandObjective(String template, Duration timeout, Path workingDirectory,
      Map<String, String> environment) {
    this(template, timeout, workingDirectory, environment, Set.of());
  }

  /**
   * @param infeasibleExitCodes exit codes that mean "this config cannot run" (137 for a process killed by the
   *                            out-of-memory killer, say): such a trial is INFEASIBLE, not FAILED
   */
  public CommandObjective(String template, Duration timeout, Path workingDirectory,
      Map<String, String> environment, Set<Integer> infeasibleExitCodes) {
    this.infeasibleExitCodes = Set.copyOf(Objects.requireNonNull(infeasibleExitCodes, "infeasibleExitCodes"));
    if (this.infeasibleExitCodes.contains(0)) {
      throw new IllegalArgumentException("exit code 0 means success and cannot be listed as infeasible");
    }
    this.template = CommandTemplate.parse(template);
    if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
      throw new IllegalArgumentException("timeout must be positive, got " + CommandRun.seconds(timeout));
    }
    this.timeout = timeout;
    this.workingDirectory = Objects.requireNonNull(workingDirectory, "workingDirectory");
    this.environment = checkedEnvironment(Objects.requireNonNull(environment, "environment"));
  }

  /**
   * The parameter names used by {@code template}, in order of first appearance.
   *
   * @throws IllegalArgumentException when the template is empty
   */
  public static Set<String> placeholders(String template) {
    return CommandTemplate.parse(template).placeholders();
  }

  @Override
  public Evaluation evaluate(Config config, TrialContext context)
      throws TrialFailedException, TrialPrunedException, InterruptedException {
    try (CommandScript script = CommandScript.write(template.render(config))) {
      ProcessBuilder builder = new ProcessBuilder(ProcessTree.inNewSession(script.argv()))
          .directory(workingDirectory.toFile());
      Map<String, String> env = builder.environment();
      env.putAll(environment);
      env.put("ASAP_CONFIG", json(config));
      env.put("ASAP_TRIAL", Integer.toString(context.trialNumber()));
      return new CommandRun(builder, timeout, context, infeasibleExitCodes, running).run();
    }
  }

  /**
   * Kills every command this objective is running, with its session, at once. For an emergency stop; the
   * evaluations then end as killed.
   */
  public void killRunning() {
    for (Process p : running) {
      ProcessTree.kill(p.toHandle());
    }
  }

  @Override
  public String toString() {
    return "CommandObjective[" + template + "]";
  }

  private static String json(Config config) {
    try {
      return JSON.writeValueAsString(config.values());
    } catch (JsonProcessingException e) {
      // Config values are strings, numbers and booleans, which always serialise.
      throw new IllegalStateException("cannot write config " + config + " as JSON", e);
    }
  }

  private static Map<String, String> checkedEnvironment(Map<String, String> environment) {
    Map<String, String> copy = new LinkedHashMap<>();
    environment.forEach((name, value) -> {
      if (name == null || name.isEmpty() || name.indexOf('=') >= 0 || name.indexOf('\0') >= 0) {
        throw new IllegalArgumentException("bad environment variable name '" + name
            + "': it must be non-empty and contain no '=' or NUL");
      }
      if (RESERVED_VARIABLES.contains(name)) {
        throw new IllegalArgumentException(name + " is set by ASAP for every trial; choose another name");
      }
      if (value == null || value.indexOf('\0') >= 0) {
        throw new IllegalArgumentException("environment variable " + name + " needs a value without NUL");
      }
      copy.put(name, value);
    });
    return Map.copyOf(copy);
  }
}
