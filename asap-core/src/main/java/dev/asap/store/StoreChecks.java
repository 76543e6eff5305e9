package dev.asap.store;

import dev.asap.trial.Direction;
import dev.asap.trial.StudyInfo;

/** Checks every store applies the same way when a study is opened again. */
public final class StoreChecks {
  private StoreChecks() {}

  /** Reopening a study must not silently change what it optimises. */
  public static void requireSame(StudyInfo existing, Direction direction, String spaceJson) {
    if (existing.direction() != direction) {
      throw new StudyMismatchException("study '" + existing.name() + "' already exists with direction "
          + existing.direction().name().toLowerCase() + ", not " + direction.name().toLowerCase()
          + "; use another study name or the same direction");
    }
    if (!existing.spaceJson().equals(spaceJson)) {
      throw new StudyMismatchException("study '" + existing.name() + "' already exists with a different search space;"
          + " its trials would not fit the new one. Use another study name (or delete the old study).\n  stored: "
          + existing.spaceJson() + "\n  new:    " + spaceJson);
    }
  }
}
