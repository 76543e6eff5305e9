package dev.asap.store.jdbc;

import dev.asap.store.StudyStore.NewTrial;
import dev.asap.store.StudyStore.Outcome;
import dev.asap.store.StudyStore.StoredTrial;
import dev.asap.trial.Direction;
import dev.asap.trial.TrialState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A writer process for {@link SqliteTwoProcessTest}: {@code SqliteWriterMain FILE STUDY N [GO_FILE]} opens the
 * store and starts and finishes N trials of STUDY. With GO_FILE it first waits for that file to appear, so that
 * several processes open the same fresh file at the same moment.
 */
public final class SqliteWriterMain {
  static final String SPACE = "{\"x\":{\"type\":\"float\",\"low\":0.0,\"high\":1.0}}";

  private SqliteWriterMain() {}

  public static void main(String[] args) throws Exception {
    Path file = Path.of(args[0]);
    String study = args[1];
    int n = Integer.parseInt(args[2]);
    if (args.length > 3) {
      Path go = Path.of(args[3]);
      while (!Files.exists(go)) {
        Thread.sleep(5);
      }
    }
    String owner = "pid:" + ProcessHandle.current().pid();
    try (SqliteStore store = SqliteStore.open(file)) {
      long id = store.createOrOpen(study, Direction.MINIMIZE, SPACE).id();
      for (int i = 0; i < n; i++) {
        double now = System.currentTimeMillis() / 1e3;
        StoredTrial t = store.start(id, new NewTrial(Map.of("x", i / (double) n), "writer", 0, owner, 0, now, now,
            Map.of()));
        if (!store.finish(id, t.number(), new Outcome(TrialState.COMPLETE, (double) i, null, 0, 0, now, Map.of()))) {
          throw new IllegalStateException("trial " + t.number() + " was no longer running");
        }
      }
    }
  }
}
