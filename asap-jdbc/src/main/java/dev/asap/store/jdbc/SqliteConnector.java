package dev.asap.store.jdbc;

import dev.asap.store.StoreException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import org.sqlite.SQLiteConfig;

/** Opens one SQLite file as a connection set up for several writer processes, with errors that name the file. */
final class SqliteConnector {
  /** How long a writer waits for another process's write transaction before giving up. */
  static final int BUSY_TIMEOUT_MS = 30_000;

  private static final byte[] HEADER = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

  private SqliteConnector() {}

  static Connection connect(Path file) {
    createParentDirectories(file);
    requireSqliteOrEmpty(file);
    SQLiteConfig config = new SQLiteConfig();
    config.setBusyTimeout(BUSY_TIMEOUT_MS);
    config.enforceForeignKeys(true);
    // In WAL mode NORMAL skips the fsync at each commit (syncing at checkpoints instead): the file stays
    // consistent and committed trials survive a crash of any process; only a power cut or OS crash can lose the
    // last commits. FULL adds an fsync to every start and finish: 0.4-3.5 ms per start+finish pair instead of
    // about 0.2 ms on a busy test VM.
    config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
    Connection c;
    try {
      c = config.createConnection("jdbc:sqlite:" + file);
    } catch (SQLException e) {
      throw new StoreException("could not open SQLite file " + file + ": " + e.getMessage(), e);
    }
    try (Statement s = c.createStatement()) {
      // WAL lets readers go on while one process writes; the mode is stored in the file, so this is a no-op
      // for every connection after the first. Writers still take turns, waiting up to the busy timeout.
      try (ResultSet rs = s.executeQuery("PRAGMA journal_mode=WAL")) {
        rs.next();
      }
      return c;
    } catch (SQLException e) {
      closeQuietly(c, e);
      throw new StoreException("could not open SQLite file " + file + ": " + e.getMessage()
          + SqlErrors.hint(e), e);
    }
  }

  private static void createParentDirectories(Path file) {
    Path parent = file.getParent();
    if (parent == null) {
      return;
    }
    try {
      Files.createDirectories(parent);
    } catch (IOException e) {
      throw new StoreException("could not create the directory " + parent + " for SQLite file " + file + ": " + e,
          e);
    }
  }

  /**
   * SQLite opens any file lazily and only complains at the first statement with a terse "file is not a
   * database"; checking the header first gives a message that says what is wrong with which file.
   */
  private static void requireSqliteOrEmpty(Path file) {
    if (Files.isDirectory(file)) {
      throw new StoreException("could not open SQLite file " + file + ": it is a directory");
    }
    if (!Files.isRegularFile(file)) {
      return;
    }
    byte[] head;
    try (InputStream in = Files.newInputStream(file)) {
      head = in.readNBytes(HEADER.length);
    } catch (IOException e) {
      throw new StoreException("could not read SQLite file " + file + ": " + e, e);
    }
    // An empty file is a valid, empty SQLite database.
    if (head.length > 0 && !Arrays.equals(head, HEADER)) {
      throw new StoreException("could not open " + file + ": it is not an SQLite database (its first bytes are not"
          + " the SQLite header); pass a new file name or an existing ASAP store");
    }
  }

  private static void closeQuietly(Connection c, Exception cause) {
    try {
      c.close();
    } catch (SQLException e) {
      cause.addSuppressed(e);
    }
  }
}
