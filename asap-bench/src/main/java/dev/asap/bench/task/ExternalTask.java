package dev.asap.bench.task;

import dev.asap.objective.command.CommandObjective;
import dev.asap.studyfile.ObjectiveSpec;
import dev.asap.studyfile.StudyFile;
import dev.asap.studyfile.StudyFileLoader;
import java.nio.file.Path;

/**
 * A task from a study file whose command prints {@code {"value": v, "cost": s}}: the cost is charged as the
 * evaluation's simulated seconds. Its optimum is unknown and it is not sampled for a reference (each
 * evaluation may be expensive), so reports show its raw best values.
 */
public final class ExternalTask {
  public static final String FAMILY = "external";

  private ExternalTask() {}

  /**
   * @throws dev.asap.studyfile.StudyFileException when the file cannot be read or is wrong
   */
  public static BenchmarkTask load(Path studyFile) {
    StudyFile f = StudyFileLoader.load(studyFile);
    ObjectiveSpec o = f.objective();
    CommandObjective objective = new CommandObjective(o.command(), o.timeout(), o.workdir(), o.env(),
        o.infeasibleExitCodes());
    return new BenchmarkTask(f.name(), FAMILY, f.space(), f.direction(), objective, null, 0);
  }
}
