package dev.asap.store.jdbc;

import java.sql.SQLException;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/** Recognises the SQLite failures that deserve their own explanation. */
final class SqlErrors {
  private SqlErrors() {}

  static boolean isNotADatabase(SQLException e) {
    return primaryCode(e) == SQLiteErrorCode.SQLITE_NOTADB.code;
  }

  static boolean isBusy(SQLException e) {
    int code = primaryCode(e);
    return code == SQLiteErrorCode.SQLITE_BUSY.code || code == SQLiteErrorCode.SQLITE_LOCKED.code;
  }

  /** A hint to append to the driver's message, or "". */
  static String hint(SQLException e) {
    if (isBusy(e)) {
      return " (another process kept the database locked for more than " + SqliteConnector.BUSY_TIMEOUT_MS / 1000
          + " s)";
    }
    if (isNotADatabase(e) || primaryCode(e) == SQLiteErrorCode.SQLITE_CORRUPT.code) {
      return " (the file is not an SQLite database, or it is corrupt)";
    }
    return "";
  }

  private static int primaryCode(SQLException e) {
    // Extended result codes carry the primary code in their low byte.
    int code = e instanceof SQLiteException ? ((SQLiteException) e).getResultCode().code : e.getErrorCode();
    return code & 0xff;
  }
}
