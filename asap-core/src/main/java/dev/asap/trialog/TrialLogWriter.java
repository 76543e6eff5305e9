package dev.asap.trialog;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.asap.loop.RunListener;
import dev.asap.study.Direction;
import dev.asap.study.Trial;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Appends a trial-log line for each trial as it finishes; flushed per line so a killed run keeps its log. */
public final class TrialLogWriter implements RunListener, AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final BufferedWriter out;
  private final Direction direction;
  private final String optimizer;
  private final String task;
  private final long seed;
  private int index;

  public TrialLogWriter(Path file, Direction direction, String optimizer, String task, long seed) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
        StandardOpenOption.APPEND);
    this.direction = direction;
    this.optimizer = optimizer;
    this.task = task;
    this.seed = seed;
  }

  @Override
  public void trialFinished(Trial trial, Trial best) {
    try {
      out.write(JSON.writeValueAsString(TrialLogLine.of(trial, index++, direction, optimizer, task, seed)));
      out.newLine();
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the trial log: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() throws IOException {
    out.close();
  }
}
