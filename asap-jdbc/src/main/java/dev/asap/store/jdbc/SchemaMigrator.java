package dev.asap.store.jdbc;

import dev.asap.store.StoreException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * Brings an SQLite file to the current ASAP schema. Migration {@code i} (1-based) is applied once and recorded
 * in {@code schema_version}; all pending migrations run in one write transaction, so two processes opening a
 * fresh file at once see either nothing or the whole schema, and the second one applies nothing.
 */
final class SchemaMigrator {
  /** Migration i+1 is {@code MIGRATIONS.get(i)}; never edit one that has shipped, append a new one. */
  private static final List<List<String>> MIGRATIONS = List.of(
      List.of(
          "CREATE TABLE studies ("
              + " id INTEGER PRIMARY KEY,"
              + " name TEXT NOT NULL UNIQUE,"
              + " direction TEXT NOT NULL,"
              + " space_json TEXT NOT NULL,"
              + " created REAL NOT NULL)",
          "CREATE TABLE trials ("
              + " study_id INTEGER NOT NULL REFERENCES studies(id),"
              + " number INTEGER NOT NULL,"
              + " state TEXT NOT NULL,"
              + " value REAL,"
              + " error TEXT,"
              + " tool TEXT,"
              + " worker INTEGER NOT NULL,"
              + " owner TEXT,"
              + " config_json TEXT NOT NULL,"
              + " ask_seconds REAL,"
              + " eval_seconds REAL,"
              + " tell_seconds REAL,"
              + " start REAL,"
              + " end_time REAL,"
              + " heartbeat REAL,"
              + " attributes_json TEXT NOT NULL,"
              + " PRIMARY KEY (study_id, number))",
          "CREATE TABLE intermediate_values ("
              + " study_id INTEGER NOT NULL,"
              + " number INTEGER NOT NULL,"
              + " step INTEGER NOT NULL,"
              + " value REAL,"
              + " PRIMARY KEY (study_id, number, step),"
              + " FOREIGN KEY (study_id, number) REFERENCES trials(study_id, number))"),
      // Revisions let a reader fetch only the trials written since its last read.
      List.of(
          "ALTER TABLE studies ADD COLUMN revision INTEGER NOT NULL DEFAULT 0",
          "ALTER TABLE trials ADD COLUMN revision INTEGER NOT NULL DEFAULT 0",
          "CREATE INDEX trials_by_revision ON trials (study_id, revision)"),
      // The trials that count against a trial budget (all but interrupted ones), kept with the study so that
      // claiming a place in the budget costs the same however long the study is.
      List.of(
          "ALTER TABLE studies ADD COLUMN counted INTEGER NOT NULL DEFAULT 0",
          "UPDATE studies SET counted = (SELECT count(*) FROM trials WHERE trials.study_id = studies.id"
              + " AND state <> 'INTERRUPTED'"
              + " AND NOT (state = 'FAILED' AND attributes_json LIKE '%\"interrupted\":true%'))"));

  /** The schema version this code reads and writes. */
  static final int LATEST = MIGRATIONS.size();

  private SchemaMigrator() {}

  static void migrate(SqliteDatabase db) {
    db.write("prepare the ASAP schema", () -> {
      if (!hasTable(db, "schema_version")) {
        requireNoTables(db);
        db.executeOnce("CREATE TABLE schema_version (version INTEGER PRIMARY KEY, applied REAL NOT NULL)");
      }
      int current = currentVersion(db);
      if (current > LATEST) {
        throw new StoreException("SQLite file " + db.file() + " holds an ASAP store of schema version " + current
            + ", newer than this ASAP understands (up to " + LATEST + "); upgrade ASAP to use it");
      }
      for (int version = current + 1; version <= LATEST; version++) {
        for (String sql : MIGRATIONS.get(version - 1)) {
          db.executeOnce(sql);
        }
        record(db, version);
      }
      return null;
    });
  }

  /** Checks, without writing, that the file holds an ASAP store of exactly this schema version. */
  static void requireCurrent(SqliteDatabase db) {
    db.read("read the ASAP schema version", () -> {
      if (!hasTable(db, "schema_version")) {
        throw new StoreException("SQLite file " + db.file() + " is not an ASAP store (it has no schema_version"
            + " table)");
      }
      int current = currentVersion(db);
      if (current != LATEST) {
        throw new StoreException("SQLite file " + db.file() + " holds an ASAP store of schema version " + current
            + ", and this ASAP reads version " + LATEST + (current > LATEST ? "; upgrade ASAP to read it"
            : "; open it once with 'asap run' to upgrade it"));
      }
      return null;
    });
  }

  /** A file without schema_version must be new: writing our tables into another program's database would harm it. */
  private static void requireNoTables(SqliteDatabase db) throws SQLException {
    try (ResultSet rs = db.statement(
        "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").executeQuery()) {
      rs.next();
      if (rs.getInt(1) > 0) {
        throw new StoreException("SQLite file " + db.file() + " is a database of something else (it has tables"
            + " but no ASAP schema_version); use a new file for the ASAP store");
      }
    }
  }

  private static boolean hasTable(SqliteDatabase db, String name) throws SQLException {
    PreparedStatement select = db.statement("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?");
    select.setString(1, name);
    try (ResultSet rs = select.executeQuery()) {
      return rs.next();
    }
  }

  private static int currentVersion(SqliteDatabase db) throws SQLException {
    try (ResultSet rs = db.statement("SELECT coalesce(max(version), 0) FROM schema_version").executeQuery()) {
      rs.next();
      return rs.getInt(1);
    }
  }

  private static void record(SqliteDatabase db, int version) throws SQLException {
    PreparedStatement insert = db.statement("INSERT INTO schema_version (version, applied) VALUES (?, ?)");
    insert.setInt(1, version);
    insert.setDouble(2, System.currentTimeMillis() / 1e3);
    insert.executeUpdate();
  }
}
