package dev.asap.store.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;

/** Doubles in and out of SQLite, which cannot store NaN: NaN and null are written as NULL. */
final class SqlValues {
  private SqlValues() {}

  static void setDouble(PreparedStatement ps, int index, double value) throws SQLException {
    if (Double.isNaN(value)) {
      ps.setNull(index, Types.REAL);
    } else {
      ps.setDouble(index, value);
    }
  }

  /** Null and NaN both become NULL (and read back as null). */
  static void setNullableDouble(PreparedStatement ps, int index, Double value) throws SQLException {
    setDouble(ps, index, value == null ? Double.NaN : value);
  }

  /** NULL reads back as NaN. */
  static double getDouble(ResultSet rs, String column) throws SQLException {
    double v = rs.getDouble(column);
    return rs.wasNull() ? Double.NaN : v;
  }

  static Double getNullableDouble(ResultSet rs, String column) throws SQLException {
    double v = rs.getDouble(column);
    return rs.wasNull() ? null : v;
  }
}
