package dev.asap.objective.command;

import dev.asap.objective.FailureKind;
import dev.asap.objective.TrialFailedException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * One trial's command line in a temporary file that {@code /bin/sh} runs, deleted afterwards.
 *
 * <p>Why a file and not {@code sh -c LINE}: the JVM turns program arguments into bytes with the platform
 * charset, which is ASCII under the C locale of many servers and containers, and every other character would
 * reach the program as {@code ?}. The file is written as UTF-8 whatever the locale, so a value such as
 * {@code "naïve"} arrives as it is stored.
 */
final class CommandScript implements AutoCloseable {
  /**
   * The script's first line: exit at once if ASAP is gone already. The kernel's parent-death signal (see
   * {@link ProcessTree}) is armed only once the launcher has run, so a command started in the very moment ASAP
   * was killed would otherwise run on unwatched; this closes that window.
   */
  private static final String ORPHAN_GUARD = "kill -0 " + ProcessHandle.current().pid() + " 2>/dev/null || exit 137\n";

  private final Path file;

  private CommandScript(Path file) {
    this.file = file;
  }

  static CommandScript write(String commandLine) throws TrialFailedException {
    Path file = null;
    try {
      file = Files.createTempFile("asap-trial-", ".sh");
      Files.writeString(file, ORPHAN_GUARD + commandLine + "\n", StandardCharsets.UTF_8);
      return new CommandScript(file);
    } catch (IOException e) {
      deleteQuietly(file);
      throw new TrialFailedException("could not write the trial's command line to a file in "
          + System.getProperty("java.io.tmpdir") + " (" + e.getMessage() + "); free some space there or point"
          + " java.io.tmpdir elsewhere (ASAP_JAVA_OPTS=-Djava.io.tmpdir=DIR)", FailureKind.NOT_RUNNABLE, null, e);
    }
  }

  /** The program and arguments that run the command line. */
  List<String> argv() {
    return List.of("/bin/sh", file.toString());
  }

  @Override
  public void close() {
    deleteQuietly(file);
  }

  private static void deleteQuietly(Path file) {
    if (file == null) {
      return;
    }
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // A leftover file in the temporary directory is harmless; the trial's result matters more.
    }
  }
}
