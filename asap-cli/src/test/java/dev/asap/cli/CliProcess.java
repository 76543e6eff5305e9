package dev.asap.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the asap CLI as a real child JVM, the way a user's shell would. */
final class CliProcess {
  final Process process;
  final Path stdout;
  final Path stderr;

  private CliProcess(Process process, Path stdout, Path stderr) {
    this.process = process;
    this.stdout = stdout;
    this.stderr = stderr;
  }

  static CliProcess start(Path workdir, String... args) throws IOException {
    return start(workdir, List.of(), args);
  }

  /**
   * Starts the CLI as the leader of a process group of its own, as a shell starts a foreground job, so that a
   * test can signal the group as Ctrl-C does. SIGINT is reset to its default first: a build started in the
   * background of a script inherits it ignored, and a JVM never handles a signal that was ignored at start.
   */
  static CliProcess startInNewSession(Path workdir, String... args) throws IOException {
    return start(workdir, List.of("/usr/bin/setsid", "-w", "/usr/bin/env", "--default-signal=INT"), args);
  }

  /** The CLI's JVM, behind {@code launcher} (programs that exec the rest of the command line). */
  private static CliProcess start(Path workdir, List<String> launcher, String... args) throws IOException {
    List<String> command = new ArrayList<>(launcher);
    command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), AsapCommand.class.getName()));
    command.addAll(List.of(args));
    Path out = Files.createTempFile(workdir, "out", ".txt");
    Path err = Files.createTempFile(workdir, "err", ".txt");
    Process p = new ProcessBuilder(command).directory(workdir.toFile()).redirectOutput(out.toFile())
        .redirectError(err.toFile()).start();
    return new CliProcess(p, out, err);
  }

  /** Runs to completion (generous limit) and returns the exit code. */
  static Result run(Path workdir, String... args) throws Exception {
    CliProcess p = start(workdir, args);
    if (!p.process.waitFor(5, TimeUnit.MINUTES)) {
      p.process.destroyForcibly();
      throw new AssertionError("asap " + String.join(" ", args) + " did not finish");
    }
    return p.result();
  }

  Result result() throws IOException {
    return new Result(process.exitValue(), Files.readString(stdout, StandardCharsets.UTF_8),
        Files.readString(stderr, StandardCharsets.UTF_8));
  }

  record Result(int exitCode, String out, String err) {}
}
