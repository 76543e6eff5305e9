package dev.asap.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.asap.space.Parameter;
import dev.asap.store.StudyStore;
import dev.asap.store.jdbc.StoreUrls;
import dev.asap.study.Study;
import dev.asap.trial.Trial;
import dev.asap.trial.TrialState;
import dev.asap.trialog.TrialLogLine;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code asap export NAME --format csv|jsonl}: every trial, as a table or as the benchmark trial log. */
@Command(name = "export", mixinStandardHelpOptions = true,
    description = "Export a stored study's trials as CSV or as JSON Lines in the trial-log format.")
final class ExportCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();

  enum Format { csv, jsonl }

  @Mixin
  StudyLocation location;

  @Option(names = "--format", required = true, paramLabel = "FORMAT", description = "csv or jsonl")
  Format format;

  @Option(names = "--output", paramLabel = "FILE", description = "write here instead of standard output")
  Path output;

  @Option(names = "--seed", paramLabel = "S",
      description = "seed for trial-log lines of trials that do not record the seed of their run (default 0)")
  long seed;

  @Override
  public Integer call() throws IOException {
    try (StudyStore store = StoreUrls.openReadOnly(location.url());
        Writer w = output == null ? new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8))
            : Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
      Study study = Study.load(store, location.name);
      if (format == Format.csv) {
        writeCsv(study, w);
      } else {
        writeJsonl(study, w);
      }
      w.flush();
    }
    return 0;
  }

  private static void writeCsv(Study study, Writer w) throws IOException {
    List<String> header = new ArrayList<>(List.of("number", "state", "value", "tool", "worker", "start", "end",
        "ask_seconds", "eval_seconds", "tell_seconds", "error"));
    study.space().parameters().forEach(p -> header.add(p.name()));
    header.addAll(List.of("intermediate", "attributes"));
    w.write(Csv.row(header));
    for (Trial t : study.trials()) {
      List<String> row = new ArrayList<>(List.of(String.valueOf(t.number()), t.state().name().toLowerCase(),
          t.value() == null ? "" : String.valueOf(t.value()), t.tool(), String.valueOf(t.worker()),
          Timestamps.format(t.start()), t.state().isFinished() ? Timestamps.format(t.end()) : "",
          num(t.timings().askSeconds()), num(t.timings().evalSeconds()), num(t.timings().tellSeconds()),
          t.error() == null ? "" : t.error()));
      for (Parameter p : study.space().parameters()) {
        row.add(t.config().has(p.name()) ? String.valueOf(t.config().get(p.name())) : "");
      }
      // The last two columns hold JSON: intermediate values by step, and the objective's fields ("user") with
      // the judge's reason, evidence and alternatives.
      row.add(t.intermediate().isEmpty() ? "" : JSON.writeValueAsString(t.intermediate()));
      row.add(t.attributes().isEmpty() ? "" : JSON.writeValueAsString(t.attributes()));
      w.write(Csv.row(row));
    }
  }

  /**
   * Evaluated trials in order of completion, as the trial-log format asks, each line with everything stored
   * beside it: intermediate values and the trial's attributes.
   */
  private void writeJsonl(Study study, Writer w) throws IOException {
    List<Trial> finished = TrialLogLine.inCompletionOrder(study.trials());
    for (int i = 0; i < finished.size(); i++) {
      Trial t = finished.get(i);
      Map<String, Object> line = TrialLogLine.of(t, i, study.direction(), TrialLogLine.optimizerOf(t, t.tool()),
          study.name(), TrialLogLine.seedOf(t, seed));
      if (!t.intermediate().isEmpty()) {
        line.put("intermediate", t.intermediate());
      }
      line.put("attributes", t.attributes());
      w.write(JSON.writeValueAsString(line));
      w.write('\n');
    }
  }

  private static String num(double v) {
    return Double.isFinite(v) ? java.math.BigDecimal.valueOf(v).toPlainString() : "";
  }
}
