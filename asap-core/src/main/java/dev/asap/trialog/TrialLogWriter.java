package dev.asap.trialog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.asap.loop.RunListener;
import dev.asap.study.Study;
import dev.asap.trial.Trial;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Keeps a trial log in step with a study: the log is derived from the store, not from one run's events. On
 * opening, it writes the lines an earlier run lost (a trial finished in the store while its process died);
 * then it appends a line per trial as it finishes, flushed per line so a killed run keeps its log. Interrupted
 * trials were never evaluated and get no line. {@code trial} counts the study's lines in the file, so it
 * goes on where a resumed run's log stopped.
 *
 * <p>A write that fails (a full disk, say) does not stop the run: the store keeps every trial, the failure is
 * remembered ({@link #failure}) and later lines are not attempted, so the log has no holes in its middle; the
 * next run on the study back-fills it.
 */
public final class TrialLogWriter implements RunListener, AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final BufferedWriter out;
  private final Study study;
  private final String optimizer;
  private final long seed;
  private final Set<Integer> logged = new HashSet<>();
  private int index;
  private String failure;

  /**
   * Opens (or creates) {@code file} and back-fills the study's finished trials that it lacks.
   *
   * @param optimizer the optimizer name for trials that do not record their own
   * @param seed      the seed for trials that do not record the seed of the run that proposed them
   * @throws IOException when the file cannot be read or written, or its directory does not exist
   */
  public TrialLogWriter(Path file, Study study, String optimizer, long seed) throws IOException {
    this.study = study;
    this.optimizer = optimizer;
    this.seed = seed;
    if (Files.isRegularFile(file)) {
      readLogged(file); // not a pipe or a device, which may never end
    }
    this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
        StandardOpenOption.APPEND);
    backfill();
  }

  /** Why the log stopped being written, or null when every line was written. */
  public synchronized String failure() {
    return failure;
  }

  /** Writes a line for every finished trial of the study not in the log yet, in order of completion. */
  public synchronized void backfill() {
    for (Trial t : TrialLogLine.inCompletionOrder(study.trials())) {
      write(t);
    }
  }

  @Override
  public synchronized void trialFinished(Trial trial, Trial best) {
    write(trial);
  }

  @Override
  public synchronized void close() {
    backfill();
    try {
      out.close();
    } catch (IOException e) {
      if (failure == null) {
        failure = e.getMessage();
      }
    }
  }

  private void write(Trial t) {
    if (failure != null || !t.state().isFinished() || t.wasInterrupted() || logged.contains(t.number())) {
      return;
    }
    try {
      out.write(JSON.writeValueAsString(TrialLogLine.of(t, index, study.direction(),
          TrialLogLine.optimizerOf(t, optimizer), study.name(), TrialLogLine.seedOf(t, seed))));
      out.newLine();
      out.flush();
      logged.add(t.number());
      index++;
    } catch (IOException e) {
      failure = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
  }

  /** The trial numbers this study already has lines for; a torn last line (a killed writer) is skipped. */
  private void readLogged(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    for (String line : lines) {
      JsonNode node;
      try {
        node = JSON.readTree(line);
      } catch (IOException torn) {
        continue;
      }
      if (node != null && study.name().equals(node.path("task").asText(null)) && node.path("number").isInt()) {
        if (logged.add(node.get("number").asInt())) {
          index++;
        }
      }
    }
  }
}
