package dev.asap.cli;

import dev.asap.loop.RunReport;
import dev.asap.loop.SpeculationStats;
import dev.asap.store.jdbc.StoreUrls;
import dev.asap.study.Study;
import dev.asap.trial.Trial;
import dev.asap.trial.TrialState;
import dev.asap.studyfile.Durations;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;

/** The end-of-run summary: why it stopped, the best config, where time went and where the study is. */
final class RunSummary {
  private final PrintStream out;
  private final Study study;
  private final String url;

  RunSummary(PrintStream out, Study study, String url) {
    this.out = out;
    this.study = study;
    this.url = url;
  }

  void print(RunReport r) {
    List<Trial> all = study.trials();
    out.println();
    out.println("Stopped: " + r.stopReason());
    out.printf("This run: %d complete, %d infeasible, %d failed, %d pruned%s in %s%s%n", r.completed(),
        r.infeasible(), r.failed(), r.pruned(), r.interrupted() > 0 ? ", " + r.interrupted() + " interrupted" : "",
        Durations.format(Duration.ofMillis(Math.round(r.elapsedSeconds() * 1e3))),
        r.recovered() > 0 ? "; " + r.recovered() + " trials left running by a dead process were marked interrupted"
            : "");
    long interrupted = all.stream().filter(Trial::wasInterrupted).count();
    long failed = all.stream().filter(t -> t.state() == TrialState.FAILED && !t.wasInterrupted()).count();
    out.printf("Study:    %d complete, %d infeasible, %d failed, %d pruned%s%n", count(all, TrialState.COMPLETE),
        count(all, TrialState.INFEASIBLE), failed, count(all, TrialState.PRUNED),
        interrupted > 0 ? ", " + interrupted + " interrupted (not counted against the budget)" : "");
    out.printf("Time:     evaluation %s (summed over workers), proposing %s, recording %s%n", seconds(r.evalSeconds()),
        seconds(r.askSeconds()), seconds(r.tellSeconds()));
    SpeculationStats spec = r.speculation();
    if (spec != null && spec.decision() != null && spec.accepted() + spec.rejected() + spec.missed() == 0) {
      out.println("Speculation: " + spec.decision());
    } else if (spec != null) {
      if (spec.decision() != null) {
        out.println("Speculation: " + spec.decision());
      }
      List<double[]> tau = spec.tauHistory();
      out.printf("Speculation: %d accepted, %d rejected, %d missed; proposing hidden %s, paid %s, wasted off the "
          + "critical path %s; τ %s%s%n",
          spec.accepted(), spec.rejected(), spec.missed(), seconds(spec.hiddenSeconds()), seconds(spec.paidSeconds()),
          seconds(spec.wastedSeconds()),
          tau.isEmpty() ? "-" : Numbers.format(tau.get(0)[1]) + (tau.size() > 1 ? " → "
              + Numbers.format(tau.get(tau.size() - 1)[1]) : ""),
          spec.sampled() == 0 ? "" : "; " + spec.equivalentToSerial() + " of " + spec.sampled()
              + " sampled picks equivalent to the serial choice (" + spec.equalToSerial() + " identical)");
      out.printf("             predicted by %s%n", predictorUses(spec));
    }
    Trial best = r.best();
    long infeasible = count(all, TrialState.INFEASIBLE);
    if (best == null && infeasible > 0) {
      out.println("Best:     no feasible config found: " + infeasible + " of " + all.size() + " trials were infeasible"
          + lastReason(all, TrialState.INFEASIBLE, "reason given"));
    } else if (best == null) {
      out.println("Best:     no trial has completed yet" + lastReason(all, TrialState.FAILED, "failure"));
    } else {
      out.printf("Best:     %s = %s (trial %d)%n", study.direction() == dev.asap.trial.Direction.MINIMIZE
          ? "minimum" : "maximum", Numbers.format(best.value()), best.number());
      best.config().values().forEach((k, v) -> out.printf("          %s: %s%n", k, Numbers.format(v)));
    }
    out.println("Stored in " + StoreUrls.describe(url));
    out.printf("  see it:    ./asap show %s --storage %s%n", Shell.quote(study.name()), Shell.quote(url));
    out.printf("  export it: ./asap export %s --format csv --storage %s%n", Shell.quote(study.name()), Shell.quote(url));
  }

  /** The predictors speculation used, with how often, e.g. {@code tool-mean 12, incumbent 5}. */
  private static String predictorUses(SpeculationStats spec) {
    List<String> used = new java.util.ArrayList<>();
    spec.predictors().forEach((name, r) -> {
      if (r.used() > 0) {
        used.add(name + " " + r.used());
      }
    });
    return used.isEmpty() ? "-" : String.join(", ", used);
  }

  private static String lastReason(List<Trial> all, TrialState state, String what) {
    for (int i = all.size() - 1; i >= 0; i--) {
      if (all.get(i).state() == state && all.get(i).error() != null) {
        return "; the last " + what + " was:\n          " + all.get(i).error().replace("\n", "\n          ");
      }
    }
    return "";
  }

  private static long count(List<Trial> trials, TrialState state) {
    return trials.stream().filter(t -> t.state() == state).count();
  }

  private static String seconds(double s) {
    return Numbers.seconds(s);
  }
}
