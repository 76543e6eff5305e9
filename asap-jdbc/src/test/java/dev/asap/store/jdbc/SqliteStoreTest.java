package dev.asap.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.asap.store.StoreContract;
import dev.asap.store.StoreException;
import dev.asap.store.StudyStore;
import dev.asap.store.StudyStore.Outcome;
import dev.asap.store.StudyStore.StoredTrial;
import dev.asap.trial.Direction;
import dev.asap.trial.TrialState;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteStoreTest extends StoreContract {
  @TempDir Path dir;

  @Override
  protected StudyStore newStore() {
    return SqliteStore.open(dir.resolve("contract.db"));
  }

  @Test
  void dataSurvivesCloseAndReopen() {
    Path file = dir.resolve("reopen.db");
    long id;
    try (SqliteStore s = SqliteStore.open(file)) {
      id = s.createOrOpen("s", Direction.MAXIMIZE, SPACE).id();
      s.start(id, newTrial(0.1));
      s.start(id, newTrial(0.2));
      s.reportIntermediate(id, 0, 1, 0.5);
      s.reportIntermediate(id, 0, 2, Double.NaN);
      s.finish(id, 0, new Outcome(TrialState.COMPLETE, 0.75, null, 2.0, 0.5, 12.0, Map.of("cost", 3.0)));
    }
    try (SqliteStore s = SqliteStore.open(file)) {
      assertThat(s.find("s")).hasValueSatisfying(info -> {
        assertThat(info.id()).isEqualTo(id);
        assertThat(info.direction()).isEqualTo(Direction.MAXIMIZE);
        assertThat(info.spaceJson()).isEqualTo(SPACE);
      });
      List<StoredTrial> trials = s.trials(id);
      assertThat(trials).extracting(StoredTrial::number).containsExactly(0, 1);
      StoredTrial done = trials.get(0);
      assertThat(done.state()).isEqualTo(TrialState.COMPLETE);
      assertThat(done.value()).isEqualTo(0.75);
      assertThat(done.intermediate()).containsEntry(1L, 0.5).containsKey(2L);
      assertThat(done.intermediate().get(2L)).isNaN();
      assertThat(done.attributes()).containsEntry("why", "test").containsEntry("cost", 3.0);
      StoredTrial running = trials.get(1);
      assertThat(running.state()).isEqualTo(TrialState.RUNNING);
      assertThat(running.end()).isNaN();
      assertThat(running.value()).isNull();
      assertThat(s.start(id, newTrial(0.3)).number()).isEqualTo(2);
    }
  }

  @Test
  void configsKeepTheirJsonTypes() {
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("layers", 3L);
    config.put("small", 7);
    config.put("lr", 1.0);
    config.put("tiny", 1e-7);
    config.put("optimizer", "adam");
    config.put("bias", true);
    Path file = dir.resolve("types.db");
    long id;
    try (SqliteStore s = SqliteStore.open(file)) {
      id = s.createOrOpen("s", Direction.MINIMIZE, SPACE).id();
      StoredTrial started = s.start(id, new StudyStore.NewTrial(config, "random", 0, "me", 0, 1, 1,
          Map.of("score", 2.0, "nan", Double.NaN)));
      assertTypes(started.config());
    }
    try (SqliteStore s = SqliteStore.open(file)) {
      StoredTrial read = s.trials(id).get(0);
      assertTypes(read.config());
      assertThat(read.config()).isEqualTo(Map.of("layers", 3L, "small", 7L, "lr", 1.0, "tiny", 1e-7,
          "optimizer", "adam", "bias", true));
      assertThat(read.attributes().get("score")).isExactlyInstanceOf(Double.class);
      assertThat((Double) read.attributes().get("nan")).isNaN();
    }
  }

  private static void assertTypes(Map<String, Object> config) {
    assertThat(config.get("layers")).isExactlyInstanceOf(Long.class);
    assertThat(config.get("small")).isExactlyInstanceOf(Long.class);
    assertThat(config.get("lr")).isExactlyInstanceOf(Double.class).isEqualTo(1.0);
    assertThat(config.get("tiny")).isExactlyInstanceOf(Double.class).isEqualTo(1e-7);
    assertThat(config.get("optimizer")).isExactlyInstanceOf(String.class);
    assertThat(config.get("bias")).isExactlyInstanceOf(Boolean.class);
  }

  @Test
  void aGarbageFileGivesAClearError() throws Exception {
    Path file = dir.resolve("garbage.db");
    byte[] bytes = new byte[8192];
    new Random(42).nextBytes(bytes);
    Files.write(file, bytes);
    assertThatThrownBy(() -> SqliteStore.open(file))
        .isExactlyInstanceOf(StoreException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("not an SQLite database");
  }

  @Test
  void aCorruptDatabaseGivesAClearError() throws Exception {
    Path file = dir.resolve("corrupt.db");
    byte[] bytes = new byte[8192];
    new Random(7).nextBytes(bytes);
    byte[] header = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(header, 0, bytes, 0, header.length);
    Files.write(file, bytes);
    assertThatThrownBy(() -> SqliteStore.open(file))
        .isExactlyInstanceOf(StoreException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("corrupt");
  }

  @Test
  void refusesAnotherProgramsDatabase() throws Exception {
    Path file = dir.resolve("other.db");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY)");
    }
    assertThatThrownBy(() -> SqliteStore.open(file))
        .isExactlyInstanceOf(StoreException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("no ASAP schema_version");
  }

  @Test
  void refusesAStoreOfANewerSchemaVersion() throws Exception {
    Path file = dir.resolve("future.db");
    SqliteStore.open(file).close();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
      s.execute("INSERT INTO schema_version (version, applied) VALUES (999, 0)");
    }
    assertThatThrownBy(() -> SqliteStore.open(file))
        .isExactlyInstanceOf(StoreException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("schema version 999")
        .hasMessageContaining("upgrade ASAP");
  }

  @Test
  void reopeningDoesNotMigrateAgain() throws Exception {
    Path file = dir.resolve("again.db");
    SqliteStore.open(file).close();
    SqliteStore.open(file).close();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement();
        var rs = s.executeQuery("SELECT count(*), max(version) FROM schema_version")) {
      rs.next();
      assertThat(rs.getInt(1)).isEqualTo(SchemaMigrator.LATEST);
      assertThat(rs.getInt(2)).isEqualTo(SchemaMigrator.LATEST);
    }
  }

  @Test
  void createsParentDirectoriesOnlyWhenAsked() {
    Path file = dir.resolve("a/b/c/study.db");
    assertThatThrownBy(() -> SqliteStore.open(file))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("the directory " + file.getParent() + " for SQLite file " + file + " does not exist");
    assertThat(dir.resolve("a")).doesNotExist();

    try (SqliteStore s = SqliteStore.open(file, true)) {
      s.createOrOpen("s", Direction.MINIMIZE, SPACE);
    }
    assertThat(file).isRegularFile();
  }

  @Test
  void readingAMissingStoreCreatesNothing() {
    Path file = dir.resolve("typo.db");
    assertThatThrownBy(() -> SqliteStore.openReadOnly(file))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("there is no ASAP store at " + file);
    assertThat(file).doesNotExist();
  }

  @Test
  void aDirectoryIsNotAStore() {
    assertThatThrownBy(() -> SqliteStore.open(dir))
        .isExactlyInstanceOf(StoreException.class)
        .hasMessageContaining(dir.toString())
        .hasMessageContaining("directory");
  }

  @Test
  void unknownStudiesAndTrialsAreClearErrors() {
    long id = store.createOrOpen("s", Direction.MINIMIZE, SPACE).id();
    assertThatThrownBy(() -> store.start(id + 1, newTrial(0.1)))
        .isInstanceOf(StoreException.class).hasMessageContaining("no study with id " + (id + 1));
    assertThatThrownBy(() -> store.trials(id + 1))
        .isInstanceOf(StoreException.class).hasMessageContaining("no study with id " + (id + 1));
    assertThatThrownBy(() -> store.finish(id, 5, complete(1.0)))
        .isInstanceOf(StoreException.class).hasMessageContaining("no trial 5");
    assertThatThrownBy(() -> store.reportIntermediate(id, 5, 1, 1.0))
        .isInstanceOf(StoreException.class).hasMessageContaining("no trial 5");
    assertThatThrownBy(() -> store.heartbeat(id, List.of(5), 1.0))
        .isInstanceOf(StoreException.class).hasMessageContaining("no trial 5");
    assertThat(store.trials(id)).isEmpty();
  }

  @Test
  void aClosedStoreSaysSo() {
    store.close();
    assertThatThrownBy(() -> store.list())
        .isExactlyInstanceOf(StoreException.class).hasMessageContaining("closed");
  }
}
