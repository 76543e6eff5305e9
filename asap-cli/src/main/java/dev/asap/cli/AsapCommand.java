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
public final class AsapCommand implements Runnable {

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /** Runs the CLI and returns its exit code: 0 fine, 1 an internal error, 2 a usage or input error. */
  public static int execute(String... args) {
    CommandLine cli = new CommandLine(new AsapCommand());
    cli.setExecutionExceptionHandler(new UserErrors());
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    return cli.execute(args);
  }

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
