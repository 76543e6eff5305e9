package dev.asap.cli;

import dev.asap.store.StudyStore;
import dev.asap.store.jdbc.StoreUrls;
import dev.asap.study.Study;
import dev.asap.trial.Trial;
import dev.asap.trial.TrialState;
import java.io.PrintStream;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code asap show NAME}: the best config, trial counts by state and a table of trials. */
@Command(name = "show", mixinStandardHelpOptions = true,
    description = "Show a stored study: best config and value, trials by state, a table of trials.")
final class ShowCommand implements Callable<Integer> {
  @Mixin
  StudyLocation location;

  @Option(names = "--limit", paramLabel = "N", description = "show at most the last N trials (default 50, 0 = all)")
  int limit = 50;

  @Option(names = "--trial", paramLabel = "N", description = "show everything stored for trial N instead")
  Integer trial;

  @Override
  public Integer call() {
    PrintStream out = System.out;
    try (StudyStore store = StoreUrls.openReadOnly(location.url())) {
      Study study = Study.load(store, location.name);
      List<Trial> trials = study.trials();
      if (trial != null) {
        if (trial < 0 || trial >= trials.size()) {
          throw new IllegalArgumentException("study '" + study.name() + "' has no trial " + trial + " (its trials are"
              + (trials.isEmpty() ? " none yet" : " 0 to " + (trials.size() - 1)) + ")");
        }
        TrialDetail.print(out, trials.get(trial));
        return 0;
      }
      out.printf("Study '%s' (%s) in %s%n", study.name(), study.direction().name().toLowerCase(),
          StoreUrls.describe(location.url()));
      out.println("Space:  " + study.space().parameters().stream().map(p -> p.name()).collect(Collectors.joining(", ")));
      Map<TrialState, Integer> counts = new EnumMap<>(TrialState.class);
      trials.forEach(t -> counts.merge(t.state(), 1, Integer::sum));
      out.println("Trials: " + trials.size() + " (" + counts.entrySet().stream()
          .map(e -> e.getValue() + " " + e.getKey().name().toLowerCase()).collect(Collectors.joining(", ")) + ")");
      Study.best(trials, study.direction()).ifPresentOrElse(best -> {
        out.printf("Best:   %s (trial %d, tool %s)%n", Numbers.format(best.value()), best.number(), best.tool());
        best.config().values().forEach((k, v) -> out.printf("        %s: %s%n", k, Numbers.format(v)));
      }, () -> out.println("Best:   no complete trial yet"));
      WallClockDecomposition.print(out, trials);
      out.println();
      new TrialTable(study.space()).print(out, trials, limit);
      return 0;
    }
  }
}
