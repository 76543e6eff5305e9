package dev.asap.studyfile;

import dev.asap.schedule.Fidelity;
import dev.asap.space.SearchSpace;
import dev.asap.trial.Direction;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * A study as described by a YAML study file: what to optimise, over which space, and optional run
 * defaults that command-line flags override. Read one with {@link StudyFileLoader#load(Path)}.
 *
 * @param source the study file, absolute
 * @param direction minimise unless the file says otherwise
 * @param trials default number of trials, or null
 * @param time default time budget, or null
 * @param workers default number of parallel workers, or null
 * @param seed default random seed, or null
 * @param optimizer default optimizer name, or null
 * @param storage default storage location as written in the file, or null
 * @param fidelity the budget parameter schedulers run configs at, or null
 * @param scheduler the default scheduler, or null
 */
public record StudyFile(
    Path source,
    String name,
    Direction direction,
    ObjectiveSpec objective,
    SearchSpace space,
    Integer trials,
    Duration time,
    Integer workers,
    Long seed,
    String optimizer,
    String storage,
    Fidelity fidelity,
    ScheduleSpec scheduler) {

  public StudyFile {
    Objects.requireNonNull(source, "source");
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("a study needs a name");
    }
    direction = direction == null ? Direction.MINIMIZE : direction;
    Objects.requireNonNull(objective, "objective");
    Objects.requireNonNull(space, "space");
  }
}
