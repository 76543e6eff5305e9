package dev.asap.bench.report;

import dev.asap.bench.harness.RunResult;
import dev.asap.bench.task.TaskReference;
import dev.asap.study.WallClockBreakdown;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Writes a report's files into the output folder: {@code report.md}, {@code report.html} (inline SVG charts),
 * {@code runs.csv} (one row per run, with where its wall-clock went and how it met infeasible configs),
 * {@code final.csv} (each run's best value at each budget) and {@code references.csv} (each task's optimum,
 * random median, evaluation cost and infeasible share). New columns are appended, so readers by position keep
 * working.
 */
public final class ReportFiles {
  /** First-feasible cells of a run in which no trial had a value. */
  static final String NEVER = "never";

  private ReportFiles() {}

  /** Writes every file and returns their paths. */
  public static List<Path> write(BenchReport report, Path out) throws IOException {
    Files.createDirectories(out);
    List<Block> blocks = ReportContent.of(report);
    List<Path> files = new ArrayList<>();
    files.add(write(out.resolve("report.md"), MarkdownRenderer.render(blocks)));
    files.add(write(out.resolve("report.html"), HtmlRenderer.render(blocks)));
    files.add(write(out.resolve("runs.csv"), runsCsv(report)));
    files.add(write(out.resolve("final.csv"), finalCsv(report)));
    files.add(write(out.resolve("references.csv"), referencesCsv(report)));
    return files;
  }

  static String runsCsv(BenchReport report) {
    StringBuilder s = new StringBuilder("task,family,optimizer,seed,trials,failed,interrupted,stop,elapsed_s,ask_s,"
        + "tell_s,eval_s,real_s,final_best,final_normalised_regret,log,error,hidden_s,judge_s,latency_s,pool_s,"
        + "tool_s,infeasible,infeasible_first_third,infeasible_last_third,first_feasible_trial,first_feasible_s\n");
    Map<String, TaskEntry> tasks = byName(report);
    for (RunResult r : report.runs()) {
      TaskReference ref = tasks.get(r.task()).reference();
      double best = r.finalBest();
      WallClockBreakdown time = r.breakdown();
      Feasibility f = Feasibility.of(r);
      s.append(String.join(",", cell(r.task()), cell(r.family()), cell(r.optimizer()), String.valueOf(r.seed()),
          String.valueOf(r.trials()), String.valueOf(r.failed()), String.valueOf(r.interrupted()),
          r.stopCause() == null ? "" : r.stopCause().name(),
          Numbers.csv(r.elapsedSeconds()), Numbers.csv(r.askSeconds()), Numbers.csv(r.tellSeconds()),
          Numbers.csv(r.evalSeconds()), Numbers.csv(r.realSeconds()), Numbers.csv(best),
          Numbers.csv(ref.normalisedRegret(best)), cell(String.valueOf(r.log())),
          r.error() == null ? "" : cell(r.error()), Numbers.csv(time.hiddenSeconds()), Numbers.csv(time.judgeSeconds()),
          Numbers.csv(time.latencySeconds()), Numbers.csv(time.poolSeconds()), toolSeconds(time),
          String.valueOf(f.infeasible()), Numbers.csv(f.firstThirdShare()), Numbers.csv(f.lastThirdShare()),
          f.foundFeasible() ? String.valueOf(f.trialsToFeasible()) : NEVER,
          f.foundFeasible() ? Numbers.csv(f.secondsToFeasible()) : NEVER)).append('\n');
    }
    return s.toString();
  }

  /** Each tool's compute seconds as {@code tool=seconds} pairs joined by ';' (empty unless the optimizer is a pool). */
  private static String toolSeconds(WallClockBreakdown time) {
    return cell(time.toolSeconds().entrySet().stream().map(e -> e.getKey() + "=" + Numbers.csv(e.getValue()))
        .collect(Collectors.joining(";")));
  }

  static String finalCsv(BenchReport report) {
    Analysis a = Analysis.of(report);
    StringBuilder s = new StringBuilder("task,family,optimizer,seed,budget,unit,best,normalised_regret\n");
    for (TaskEntry t : a.tasks()) {
      for (String o : a.optimizers()) {
        for (RunResult r : a.runs(t.name(), o)) {
          for (double b : a.budgets()) {
            double best = a.lossAt(t, r, b);
            s.append(String.join(",", cell(t.name()), cell(t.family()), cell(o), String.valueOf(r.seed()),
                Numbers.csv(b), a.timeAxis(t) ? "trial-equivalents" : "trials", Numbers.csv(best),
                Numbers.csv(t.reference().normalisedRegret(best)))).append('\n');
          }
        }
      }
    }
    return s.toString();
  }

  static String referencesCsv(BenchReport report) {
    StringBuilder s = new StringBuilder("task,family,optimum,random_median,mean_cost_s,median_cost_s,samples,"
        + "infeasible_share\n");
    for (TaskEntry t : report.tasks()) {
      TaskReference r = t.reference();
      s.append(String.join(",", cell(t.name()), cell(t.family()), r.optimum() == null ? "" : Numbers.csv(r.optimum()),
          Numbers.csv(r.randomMedian()), Numbers.csv(r.meanCost()), Numbers.csv(r.medianCost()),
          String.valueOf(r.samples()), Numbers.csv(r.infeasibleShare()))).append('\n');
    }
    return s.toString();
  }

  private static Map<String, TaskEntry> byName(BenchReport report) {
    return report.tasks().stream().collect(Collectors.toMap(TaskEntry::name, Function.identity()));
  }

  /** Quotes a CSV field when needed. */
  private static String cell(String v) {
    if (v.contains(",") || v.contains("\"") || v.contains("\n")) {
      return "\"" + v.replace("\"", "\"\"") + "\"";
    }
    return v;
  }

  private static Path write(Path file, String text) throws IOException {
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file;
  }
}
