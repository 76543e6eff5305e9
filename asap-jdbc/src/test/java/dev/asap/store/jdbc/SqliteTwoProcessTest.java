package dev.asap.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asap.store.StudyStore.StoredTrial;
import dev.asap.trial.TrialState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two JVMs writing the same study of the same, initially absent, file at the same time. */
class SqliteTwoProcessTest {
  private static final int PER_PROCESS = 150;

  @TempDir Path dir;

  @Test
  void twoProcessesShareOneStudy() throws Exception {
    Path file = dir.resolve("shared.db");
    Path go = dir.resolve("go");
    List<Process> processes = new ArrayList<>();
    List<Path> logs = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      Path log = dir.resolve("writer" + i + ".log");
      logs.add(log);
      processes.add(new ProcessBuilder(
          Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-cp", System.getProperty("java.class.path"),
          SqliteWriterMain.class.getName(), file.toString(), "shared", String.valueOf(PER_PROCESS), go.toString())
          .redirectErrorStream(true)
          .redirectOutput(log.toFile())
          .start());
    }
    // Both JVMs poll for the go file; releasing them together makes them race to create the schema.
    Thread.sleep(2000);
    Files.createFile(go);
    try {
      for (int i = 0; i < processes.size(); i++) {
        Process p = processes.get(i);
        assertThat(p.waitFor(10, TimeUnit.MINUTES)).as("writer %d finished within 10 minutes", i).isTrue();
        assertThat(p.exitValue()).as("exit code of writer %d, output:%n%s", i, Files.readString(logs.get(i)))
            .isZero();
      }
    } finally {
      processes.forEach(Process::destroyForcibly);
    }

    try (SqliteStore store = SqliteStore.open(file)) {
      assertThat(store.list()).hasSize(1);
      List<StoredTrial> trials = store.trials(store.find("shared").orElseThrow().id());
      assertThat(trials).extracting(StoredTrial::number)
          .containsExactlyElementsOf(IntStream.range(0, 2 * PER_PROCESS).boxed().toList());
      assertThat(trials).allMatch(t -> t.state() == TrialState.COMPLETE);
      assertThat(trials.stream().map(StoredTrial::owner).distinct()).hasSize(2);
    }
  }
}
