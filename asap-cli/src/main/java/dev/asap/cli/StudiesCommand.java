package dev.asap.cli;

import dev.asap.store.StudyStore;
import dev.asap.store.jdbc.StoreUrls;
import dev.asap.study.Study;
import dev.asap.trial.StudyInfo;
import dev.asap.trial.Trial;
import dev.asap.trial.TrialState;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code asap studies}: the studies of a store with their trial counts and best values. */
@Command(name = "studies", mixinStandardHelpOptions = true,
    description = "List the studies of a store: trials by state and best value.")
final class StudiesCommand implements Callable<Integer> {
  @Option(names = "--storage", paramLabel = "URL",
      description = "the store: sqlite:FILE (default: sqlite:asap.db in this directory)")
  String storage;

  @Override
  public Integer call() {
    PrintStream out = System.out;
    String url = StorageOption.orDefault(storage, Path.of(""));
    try (StudyStore store = StoreUrls.openReadOnly(url)) {
      List<StudyInfo> studies = store.list();
      if (studies.isEmpty()) {
        out.println("No studies in " + StoreUrls.describe(url));
        return 0;
      }
      List<String[]> rows = new ArrayList<>();
      rows.add(new String[] {"name", "direction", "trials", "complete", "infeasible", "failed", "running", "best",
          "created"});
      for (StudyInfo info : studies) {
        Study study = Study.load(store, info.name());
        List<Trial> trials = study.trials();
        rows.add(new String[] {info.name(), info.direction().name().toLowerCase(), String.valueOf(trials.size()),
            count(trials, TrialState.COMPLETE), count(trials, TrialState.INFEASIBLE), count(trials, TrialState.FAILED),
            count(trials, TrialState.RUNNING),
            Study.best(trials, study.direction()).map(b -> Numbers.format(b.value())).orElse("-"),
            Timestamps.format(info.createdEpochSeconds())});
      }
      out.println("Studies in " + StoreUrls.describe(url) + ":");
      int last = rows.get(0).length - 1;
      TextTable.print(out, rows, i -> i >= 2 && i < last); // the counts and the best value align right
      return 0;
    }
  }

  private static String count(List<Trial> trials, TrialState state) {
    return String.valueOf(trials.stream().filter(t -> t.state() == state && !t.wasInterrupted()).count());
  }
}
