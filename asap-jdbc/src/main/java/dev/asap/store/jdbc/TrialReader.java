package dev.asap.store.jdbc;

import dev.asap.store.StudyStore.StoredTrial;
import dev.asap.trial.TrialState;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Reads the trials of a study written after a revision (0 = all) with two queries, one for the trials and one
 * for their intermediate values.
 */
final class TrialReader {
  private TrialReader() {}

  static List<StoredTrial> read(SqliteDatabase db, long studyId, long afterRevision) throws SQLException {
    Map<Integer, SortedMap<Long, Double>> intermediate = intermediateValues(db, studyId, afterRevision);
    List<StoredTrial> out = new ArrayList<>();
    PreparedStatement select = db.statement("SELECT number, state, value, error, tool, worker, owner,"
        + " config_json, ask_seconds, eval_seconds, tell_seconds, start, end_time, heartbeat, attributes_json"
        + " FROM trials WHERE study_id = ? AND revision > ? ORDER BY number");
    select.setLong(1, studyId);
    select.setLong(2, afterRevision);
    try (ResultSet rs = select.executeQuery()) {
      while (rs.next()) {
        int number = rs.getInt("number");
        SortedMap<Long, Double> values = intermediate.getOrDefault(number, new TreeMap<>());
        out.add(row(rs, number, values));
      }
    }
    return out;
  }

  private static StoredTrial row(ResultSet rs, int number, SortedMap<Long, Double> intermediate)
      throws SQLException {
    return new StoredTrial(
        number,
        JsonColumns.read(rs.getString("config_json"), "config of trial " + number),
        TrialState.valueOf(rs.getString("state")),
        SqlValues.getNullableDouble(rs, "value"),
        rs.getString("error"),
        rs.getString("tool"),
        rs.getInt("worker"),
        rs.getString("owner"),
        intermediate,
        SqlValues.getDouble(rs, "ask_seconds"),
        SqlValues.getDouble(rs, "eval_seconds"),
        SqlValues.getDouble(rs, "tell_seconds"),
        SqlValues.getDouble(rs, "start"),
        SqlValues.getDouble(rs, "end_time"),
        SqlValues.getDouble(rs, "heartbeat"),
        JsonColumns.read(rs.getString("attributes_json"), "attributes of trial " + number));
  }

  private static Map<Integer, SortedMap<Long, Double>> intermediateValues(SqliteDatabase db, long studyId,
      long afterRevision) throws SQLException {
    Map<Integer, SortedMap<Long, Double>> byTrial = new HashMap<>();
    PreparedStatement select = db.statement("SELECT v.number, v.step, v.value FROM intermediate_values v"
        + " JOIN trials t ON t.study_id = v.study_id AND t.number = v.number"
        + " WHERE v.study_id = ? AND t.revision > ?");
    select.setLong(1, studyId);
    select.setLong(2, afterRevision);
    try (ResultSet rs = select.executeQuery()) {
      while (rs.next()) {
        byTrial.computeIfAbsent(rs.getInt("number"), n -> new TreeMap<>())
            .put(rs.getLong("step"), SqlValues.getDouble(rs, "value"));
      }
    }
    return byTrial;
  }
}
