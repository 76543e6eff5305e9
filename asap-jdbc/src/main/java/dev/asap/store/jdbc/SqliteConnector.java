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

  /** How a file is opened. */
  enum Mode {
    /** Read and write; the file is created if missing, in a directory that must exist. */
    WRITE,
    /** Read and write; missing parent directories are created too. */
    WRITE_CREATING_DIRECTORIES,
    /** Read only; the file must exist, and nothing is created or changed, not even beside it. */
    READ_ONLY
  }

  static Connection connect(Path file, Mode mode) {
    if (mode == Mode.WRITE_CREATING_DIRECTORIES) {
      createParentDirectories(file);
    } else {
      requireParentDirectory(file);
    }
    if (mode == Mode.READ_ONLY && !Files.exists(file)) {
      throw new StoreException("there is no ASAP store at " + file + "; check --storage (a study's store is created"
          + " by its first 'asap run')");
    }
    requireSqliteOrEmpty(file);
    SQLiteConfig config = new SQLiteConfig();
    if (mode == Mode.READ_ONLY) {
      config.setReadOnly(true);
    }
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
      if (mode == Mode.READ_ONLY) {
        return immutable(file, e);
      }
      throw new StoreException("could not open SQLite file " + file + ": " + e.getMessage(), e);
    }
    if (mode == Mode.READ_ONLY) {
      // The journal mode is already in the file, and a reader may not change it.
      return readable(c, file);
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

  /**
   * A read-only connection that can read: a WAL file needs its shared-memory file beside it, which a reader in a
   * read-only directory cannot create. Then the file is opened as immutable, which reads it without any lock or
   * side file; a writer active at the same moment may make that read see an older state.
   */
  private static Connection readable(Connection c, Path file) {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM sqlite_master")) {
      rs.next();
      return c;
    } catch (SQLException cannotRead) {
      closeQuietly(c, cannotRead);
      return immutable(file, cannotRead);
    }
  }

  private static Connection immutable(Path file, SQLException cannotRead) {
    SQLiteConfig config = new SQLiteConfig();
    config.setReadOnly(true);
    config.setOpenMode(org.sqlite.SQLiteOpenMode.OPEN_URI);
    try {
      return config.createConnection("jdbc:sqlite:" + file.toUri() + "?immutable=1");
    } catch (SQLException e) {
      e.addSuppressed(cannotRead);
      throw new StoreException("could not open SQLite file " + file + " for reading: " + e.getMessage(), e);
    }
  }

  private static void requireParentDirectory(Path file) {
    Path parent = file.getParent();
    if (parent != null && !Files.isDirectory(parent)) {
      throw new StoreException("the directory " + parent + " for SQLite file " + file + " does not exist; create it"
          + " first (or pass --create-dirs to 'asap run')");
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
