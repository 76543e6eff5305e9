package dev.asap.cli;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/**
 * {@code asap bench --suite smoke|full|NAME [--optimizers a,b] [--seeds N] [--workers K] [--budget B] --out DIR}:
 * compares optimizers on benchmark tasks on a simulated clock.
 *
 * <p>The harness lives in its own jar (it carries ONNX Runtime for the YAHPO surrogates, which the CLI jar
 * should not), so this runs it as a child JVM with the same arguments, output and exit code. Its own parser
 * owns the options: {@code asap bench --help}.
 */
@Command(name = "bench", description = "Compare optimizers on benchmark tasks on a simulated clock; writes trial "
    + "logs and Markdown/HTML reports. Options: asap bench --help.")
final class BenchCommand implements Callable<Integer> {
  static final String JAR = "asap-bench/target/asap-bench.jar";

  @Unmatched
  List<String> args = new ArrayList<>();

  @Override
  public Integer call() throws IOException, InterruptedException {
    Path jar = benchJar();
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-jar", jar.toString()));
    command.addAll(args);
    Process p = new ProcessBuilder(command).inheritIO().start();
    try {
      return p.waitFor();
    } catch (InterruptedException e) {
      p.destroy();
      throw e;
    }
  }

  /** The bench jar of this build: under ASAP_HOME (set by ./asap), else beside this jar's module. */
  static Path benchJar() {
    List<Path> tried = new ArrayList<>();
    String home = System.getenv("ASAP_HOME");
    if (home != null) {
      tried.add(Path.of(home).resolve(JAR));
    }
    try {
      Path self = Path.of(BenchCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      // asap-cli/target/asap.jar (or asap-cli/target/classes) -> repository root
      Path root = self.getParent() == null ? null : self.getParent().getParent();
      if (root != null && root.getParent() != null) {
        tried.add(root.getParent().resolve(JAR));
      }
    } catch (URISyntaxException | SecurityException e) {
      // Fall through to the error below with what was tried.
    }
    for (Path p : tried) {
      if (Files.isRegularFile(p)) {
        return p;
      }
    }
    throw new IllegalStateException("the benchmark harness jar is missing (looked for " + tried
        + "); build it with: mvn -q -B package -DskipTests");
  }
}
