package dev.asap.store.jdbc;

import dev.asap.store.StoreException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

/**
 * One connection to one SQLite file, used through transactions. Not thread-safe: the owner serialises calls.
 *
 * <p>The connection stays in autocommit mode and every transaction is spelled out. Writes use
 * {@code BEGIN IMMEDIATE}, which takes the write lock up front (waiting up to the busy timeout): a deferred
 * transaction that reads and then writes fails at once with SQLITE_BUSY when another process wrote in between.
 */
final class SqliteDatabase implements AutoCloseable {
  /** Work done inside a transaction. */
  @FunctionalInterface
  interface SqlWork<T> {
    T run() throws SQLException;
  }

  private final Path file;
  private final Map<String, PreparedStatement> statements = new HashMap<>();
  private Connection connection;

  SqliteDatabase(Path file, SqliteConnector.Mode mode) {
    this.file = file;
    this.connection = SqliteConnector.connect(file, mode);
  }

  Path file() {
    return file;
  }

  /** Runs {@code work} holding the write lock; {@code what} completes "could not ..." in error messages. */
  <T> T write(String what, SqlWork<T> work) {
    return inTransaction("BEGIN IMMEDIATE", what, work);
  }

  /** Runs {@code work} on one consistent snapshot of the file. */
  <T> T read(String what, SqlWork<T> work) {
    return inTransaction("BEGIN", what, work);
  }

  private <T> T inTransaction(String begin, String what, SqlWork<T> work) {
    try {
      execute(begin);
    } catch (SQLException e) {
      throw failure(what, e);
    }
    try {
      T result = work.run();
      execute("COMMIT");
      return result;
    } catch (SQLException e) {
      rollback(e);
      throw failure(what, e);
    } catch (RuntimeException | Error e) {
      rollback(e);
      throw e;
    }
  }

  /**
   * The statement for {@code sql}, prepared on first use and then reused: preparing costs about as much as
   * running a small statement. Callers set every parameter, close the result sets, and never close the statement.
   */
  PreparedStatement statement(String sql) throws SQLException {
    PreparedStatement ps = statements.get(sql);
    if (ps == null) {
      ps = open().prepareStatement(sql);
      statements.put(sql, ps);
    }
    return ps;
  }

  /** Runs a statement that is needed once, such as a table definition, without keeping it prepared. */
  void executeOnce(String sql) throws SQLException {
    try (Statement s = open().createStatement()) {
      s.execute(sql);
    }
  }

  /** The exception to throw when {@code what} failed with {@code e}. */
  StoreException failure(String what, SQLException e) {
    return new StoreException("could not " + what + " in SQLite file " + file + ": " + e.getMessage()
        + SqlErrors.hint(e), e);
  }

  @Override
  public void close() {
    if (connection == null) {
      return;
    }
    try {
      // Closing the connection finalizes its statements too.
      statements.clear();
      connection.close();
    } catch (SQLException e) {
      throw failure("close the connection", e);
    } finally {
      connection = null;
    }
  }

  private Connection open() {
    if (connection == null) {
      throw new StoreException("the store on SQLite file " + file + " is closed");
    }
    return connection;
  }

  private void execute(String sql) throws SQLException {
    statement(sql).execute();
  }

  private void rollback(Throwable cause) {
    try {
      execute("ROLLBACK");
    } catch (SQLException e) {
      cause.addSuppressed(e);
    }
  }
}
