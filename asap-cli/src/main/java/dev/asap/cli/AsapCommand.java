package dev.asap.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code asap} command line: tune a study, look at it, export it, benchmark optimizers. */
@Command(
    name = "asap",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = "Hyperparameter optimisation for any command or JVM objective.",
    subcommands = {RunCommand.class, ShowCommand.class, StudiesCommand.class, ExportCommand.class,
        DeleteCommand.class, BenchCommand.class,
        CommandLine.HelpCommand.class})
public final class AsapCommand implements java.util.concurrent.Callable<Integer> {

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /**
   * Runs the CLI and returns its exit code: 0 fine, 1 an internal error, 2 a usage or input error, 3 a run whose
   * every trial failed, 128 + n a run stopped by signal n (130 for Ctrl-C).
   */
  public static int execute(String... args) {
    CommandLine cli = new CommandLine(new AsapCommand());
    cli.setExecutionExceptionHandler(new UserErrors());
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    return cli.execute(args);
  }

  /** No subcommand is a usage error: the usage goes to stderr and the exit code is 2, as for any other. */
  @Override
  public Integer call() {
    spec.commandLine().usage(System.err);
    return UserErrors.USER_ERROR;
  }
}
