package dev.asap.store.jdbc;

import dev.asap.store.StoreChecks;
import dev.asap.store.StoreException;
import dev.asap.store.StudyStore;
import dev.asap.trial.Direction;
import dev.asap.trial.StudyInfo;
import dev.asap.trial.TrialState;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A study store in one SQLite file: the embedded default. Several processes (and threads of one process) may
 * share the file; every write is one short transaction holding SQLite's write lock.
 *
 * <p>Doubles that are NaN, such as the end time of a running trial, are stored as NULL and read back as NaN;
 * a trial's {@code value} is null when it has none (a NaN value also reads back as null).
 */
public final class SqliteStore implements StudyStore {
  private static final String STUDY_COLUMNS = "id, name, direction, space_json, created";

  private final SqliteDatabase db;

  private SqliteStore(SqliteDatabase db) {
    this.db = db;
  }

  /**
   * Opens the store in {@code file}, creating the file and the schema as needed; its directory must exist.
   *
   * @throws StoreException when the directory does not exist, or the file cannot be opened, is not an SQLite
   *     database, is some other program's database, or was written by a newer ASAP
   */
  public static SqliteStore open(Path file) {
    return open(file, false);
  }

  /** Opens the store as {@link #open(Path)} does, creating missing parent directories when asked to. */
  public static SqliteStore open(Path file, boolean createDirectories) {
    return open(file, createDirectories ? SqliteConnector.Mode.WRITE_CREATING_DIRECTORIES : SqliteConnector.Mode.WRITE);
  }

  /**
   * Opens an existing store for reading only: no file is created or changed, so it works on a store in a
   * read-only directory and never leaves an empty database behind a mistyped path.
   *
   * @throws StoreException when there is no file, it is not an ASAP store, or its schema is not this ASAP's
   */
  public static SqliteStore openReadOnly(Path file) {
    return open(file, SqliteConnector.Mode.READ_ONLY);
  }

  private static SqliteStore open(Path file, SqliteConnector.Mode mode) {
    SqliteDatabase db = new SqliteDatabase(file.toAbsolutePath().normalize(), mode);
    try {
      if (mode == SqliteConnector.Mode.READ_ONLY) {
        SchemaMigrator.requireCurrent(db);
      } else {
        SchemaMigrator.migrate(db);
      }
    } catch (RuntimeException e) {
      try {
        db.close();
      } catch (RuntimeException closing) {
        e.addSuppressed(closing);
      }
      throw e;
    }
    return new SqliteStore(db);
  }

  /** The absolute path of the database file. */
  public Path file() {
    return db.file();
  }

  @Override
  public synchronized StudyInfo createOrOpen(String name, Direction direction, String spaceJson) {
    return db.write("create or open study '" + name + "'", () -> {
      Optional<StudyInfo> existing = findStudy(name);
      if (existing.isPresent()) {
        StoreChecks.requireSame(existing.get(), direction, spaceJson);
        return existing.get();
      }
      double created = System.currentTimeMillis() / 1e3;
      PreparedStatement insert = db.statement(
          "INSERT INTO studies (name, direction, space_json, created) VALUES (?, ?, ?, ?)");
      insert.setString(1, name);
      insert.setString(2, direction.name());
      insert.setString(3, spaceJson);
      insert.setDouble(4, created);
      insert.executeUpdate();
      return new StudyInfo(lastInsertRowId(), name, direction, spaceJson, created);
    });
  }

  @Override
  public synchronized Optional<StudyInfo> find(String name) {
    return db.read("find study '" + name + "'", () -> findStudy(name));
  }

  @Override
  public synchronized boolean delete(String name) {
    return db.write("delete study '" + name + "'", () -> {
      Optional<StudyInfo> study = findStudy(name);
      if (study.isEmpty()) {
        return false;
      }
      long id = study.get().id();
      for (String table : new String[] {"intermediate_values", "trials"}) {
        PreparedStatement delete = db.statement("DELETE FROM " + table + " WHERE study_id = ?");
        delete.setLong(1, id);
        delete.executeUpdate();
      }
      PreparedStatement delete = db.statement("DELETE FROM studies WHERE id = ?");
      delete.setLong(1, id);
      delete.executeUpdate();
      return true;
    });
  }

  @Override
  public synchronized List<StudyInfo> list() {
    return db.read("list the studies", () -> {
      List<StudyInfo> out = new ArrayList<>();
      try (ResultSet rs = db.statement("SELECT " + STUDY_COLUMNS + " FROM studies ORDER BY id").executeQuery()) {
        while (rs.next()) {
          out.add(study(rs));
        }
      }
      return out;
    });
  }

  @Override
  public synchronized StoredTrial start(long studyId, NewTrial t) {
    return insert(studyId, t, null).orElseThrow();
  }

  @Override
  public synchronized Optional<StoredTrial> startWithinBudget(long studyId, NewTrial t, int budget) {
    return insert(studyId, t, budget);
  }

  /** Inserts a RUNNING trial, unless {@code budget} is set and the study's counted trials reach it. */
  private Optional<StoredTrial> insert(long studyId, NewTrial t, Integer budget) {
    String configJson = JsonColumns.write(t.config(), "config of a new trial");
    String attributesJson = JsonColumns.write(t.attributes(), "attributes of a new trial");
    Integer number = db.write("start a trial of study " + studyId, () -> {
      // Under the write lock: no other process can start a trial between this count and the insert.
      if (budget != null && countedTrials(studyId) >= budget) {
        return null;
      }
      int next = nextNumber(studyId);
      long revision = nextRevision(studyId);
      PreparedStatement insert = db.statement("INSERT INTO trials (study_id, number, state, tool, worker, owner,"
          + " config_json, ask_seconds, eval_seconds, tell_seconds, start, heartbeat, attributes_json, revision)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, 0, ?, ?, ?, ?)");
      insert.setLong(1, studyId);
      insert.setInt(2, next);
      insert.setString(3, TrialState.RUNNING.name());
      insert.setString(4, t.tool());
      insert.setInt(5, t.worker());
      insert.setString(6, t.owner());
      insert.setString(7, configJson);
      SqlValues.setDouble(insert, 8, t.askSeconds());
      SqlValues.setDouble(insert, 9, t.start());
      SqlValues.setDouble(insert, 10, t.heartbeat());
      insert.setString(11, attributesJson);
      insert.setLong(12, revision);
      insert.executeUpdate();
      changeCounted(studyId, +1);
      return next;
    });
    if (number == null) {
      return Optional.empty();
    }
    // Return what a later read gives back, with the config's and attributes' types after the JSON round trip.
    return Optional.of(new StoredTrial(number, JsonColumns.read(configJson, "config of trial " + number), TrialState.RUNNING,
        null, null, t.tool(), t.worker(), t.owner(), new TreeMap<>(), t.askSeconds(), 0, 0, t.start(), Double.NaN,
        t.heartbeat(), JsonColumns.read(attributesJson, "attributes of trial " + number)));
  }

  /**
   * Trials that count against a trial budget: all but interrupted ones. Kept in the study's row: a start adds
   * one, an interruption takes one away (schema migration 3 counted the trials already there).
   */
  private int countedTrials(long studyId) throws SQLException {
    PreparedStatement select = db.statement("SELECT counted FROM studies WHERE id = ?");
    select.setLong(1, studyId);
    try (ResultSet rs = select.executeQuery()) {
      rs.next();
      return rs.getInt(1);
    }
  }

  @Override
  public synchronized void reportIntermediate(long studyId, int number, long step, double value) {
    db.write("report step " + step + " of trial " + number + " of study " + studyId, () -> {
      requireTrial(studyId, number);
      PreparedStatement upsert = db.statement(
          "INSERT OR REPLACE INTO intermediate_values (study_id, number, step, value) VALUES (?, ?, ?, ?)");
      upsert.setLong(1, studyId);
      upsert.setInt(2, number);
      upsert.setLong(3, step);
      SqlValues.setDouble(upsert, 4, value);
      upsert.executeUpdate();
      PreparedStatement touch = db.statement("UPDATE trials SET revision = ? WHERE study_id = ? AND number = ?");
      touch.setLong(1, nextRevision(studyId));
      touch.setLong(2, studyId);
      touch.setInt(3, number);
      touch.executeUpdate();
      return null;
    });
  }

  @Override
  public synchronized boolean finish(long studyId, int number, Outcome o) {
    return db.write("finish trial " + number + " of study " + studyId, () -> {
      Map<String, Object> attributes;
      PreparedStatement select = db.statement(
          "SELECT state, attributes_json FROM trials WHERE study_id = ? AND number = ?");
      select.setLong(1, studyId);
      select.setInt(2, number);
      try (ResultSet rs = select.executeQuery()) {
        if (!rs.next()) {
          throw noTrial(studyId, number);
        }
        if (!TrialState.RUNNING.name().equals(rs.getString("state"))) {
          return false;
        }
        attributes = new LinkedHashMap<>(
            JsonColumns.read(rs.getString("attributes_json"), "attributes of trial " + number));
      }
      attributes.putAll(o.attributes());
      // Compare-and-set: only a RUNNING trial moves to a final state, whoever tries first wins.
      PreparedStatement update = db.statement("UPDATE trials SET state = ?, value = ?, error = ?,"
          + " eval_seconds = ?, tell_seconds = ?, end_time = ?, attributes_json = ?, revision = ?"
          + " WHERE study_id = ? AND number = ? AND state = 'RUNNING'");
      update.setString(1, o.state().name());
      SqlValues.setNullableDouble(update, 2, o.value());
      update.setString(3, o.error());
      SqlValues.setDouble(update, 4, o.evalSeconds());
      SqlValues.setDouble(update, 5, o.tellSeconds());
      SqlValues.setDouble(update, 6, o.end());
      update.setString(7, JsonColumns.write(attributes, "attributes of trial " + number));
      update.setLong(8, nextRevision(studyId));
      update.setLong(9, studyId);
      update.setInt(10, number);
      boolean finished = update.executeUpdate() == 1;
      if (finished && (o.state() == TrialState.INTERRUPTED
          || o.state() == TrialState.FAILED && Boolean.TRUE.equals(o.attributes().get("interrupted")))) {
        changeCounted(studyId, -1);
      }
      return finished;
    });
  }

  @Override
  public synchronized void heartbeat(long studyId, List<Integer> numbers, double epochSeconds) {
    if (numbers.isEmpty()) {
      return;
    }
    db.write("refresh the heartbeat of trials " + numbers + " of study " + studyId, () -> {
      long revision = nextRevision(studyId);
      PreparedStatement update = db.statement(
          "UPDATE trials SET heartbeat = ?, revision = ? WHERE study_id = ? AND number = ? AND state = 'RUNNING'");
      for (int number : numbers) {
        SqlValues.setDouble(update, 1, epochSeconds);
        update.setLong(2, revision);
        update.setLong(3, studyId);
        update.setInt(4, number);
        update.addBatch();
      }
      int[] changed = update.executeBatch();
      // A finished trial is skipped quietly; one that does not exist is a caller's bug.
      for (int i = 0; i < changed.length; i++) {
        if (changed[i] == 0) {
          requireTrial(studyId, numbers.get(i));
        }
      }
      return null;
    });
  }

  @Override
  public synchronized TrialChanges changesSince(long studyId, long revision) {
    return db.read("read the trials of study " + studyId, () -> {
      // The revision is read first: a write landing after it is simply read again next time.
      long current = currentRevision(studyId);
      return new TrialChanges(TrialReader.read(db, studyId, revision), current);
    });
  }

  @Override
  public synchronized void close() {
    db.close();
  }

  @Override
  public String toString() {
    return "SqliteStore[" + db.file() + "]";
  }

  /** The next trial number; the caller holds the write lock, so no other process can take it. */
  private int nextNumber(long studyId) throws SQLException {
    PreparedStatement select = db.statement("SELECT (SELECT 1 FROM studies WHERE id = ?),"
        + " (SELECT coalesce(max(number) + 1, 0) FROM trials WHERE study_id = ?)");
    select.setLong(1, studyId);
    select.setLong(2, studyId);
    try (ResultSet rs = select.executeQuery()) {
      rs.next();
      if (rs.getObject(1) == null) {
        throw noStudy(studyId);
      }
      return rs.getInt(2);
    }
  }

  /** Adds {@code delta} to the study's count of trials against the budget; the caller holds the write lock. */
  private void changeCounted(long studyId, int delta) throws SQLException {
    PreparedStatement update = db.statement("UPDATE studies SET counted = counted + ? WHERE id = ?");
    update.setInt(1, delta);
    update.setLong(2, studyId);
    update.executeUpdate();
  }

  /** Bumps and returns the study's revision; the caller holds the write lock. */
  private long nextRevision(long studyId) throws SQLException {
    PreparedStatement bump = db.statement("UPDATE studies SET revision = revision + 1 WHERE id = ?");
    bump.setLong(1, studyId);
    if (bump.executeUpdate() != 1) {
      throw noStudy(studyId);
    }
    return currentRevision(studyId);
  }

  private long currentRevision(long studyId) throws SQLException {
    PreparedStatement select = db.statement("SELECT revision FROM studies WHERE id = ?");
    select.setLong(1, studyId);
    try (ResultSet rs = select.executeQuery()) {
      if (!rs.next()) {
        throw noStudy(studyId);
      }
      return rs.getLong(1);
    }
  }

  private Optional<StudyInfo> findStudy(String name) throws SQLException {
    PreparedStatement select = db.statement("SELECT " + STUDY_COLUMNS + " FROM studies WHERE name = ?");
    select.setString(1, name);
    try (ResultSet rs = select.executeQuery()) {
      return rs.next() ? Optional.of(study(rs)) : Optional.empty();
    }
  }

  private static StudyInfo study(ResultSet rs) throws SQLException {
    return new StudyInfo(rs.getLong("id"), rs.getString("name"), Direction.valueOf(rs.getString("direction")),
        rs.getString("space_json"), rs.getDouble("created"));
  }

  private void requireTrial(long studyId, int number) throws SQLException {
    PreparedStatement select = db.statement("SELECT 1 FROM trials WHERE study_id = ? AND number = ?");
    select.setLong(1, studyId);
    select.setInt(2, number);
    try (ResultSet rs = select.executeQuery()) {
      if (!rs.next()) {
        throw noTrial(studyId, number);
      }
    }
  }

  private long lastInsertRowId() throws SQLException {
    try (ResultSet rs = db.statement("SELECT last_insert_rowid()").executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private StoreException noStudy(long studyId) {
    return new StoreException("no study with id " + studyId + " in SQLite file " + db.file());
  }

  private StoreException noTrial(long studyId, int number) {
    return new StoreException("study " + studyId + " has no trial " + number + " in SQLite file " + db.file());
  }
}
