package dev.asap.examples.xgboost;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * Writes the lines an ASAP study reads from an objective's stdout: {@code {"step": k, "value": v}} for
 * intermediate values and a final {@code {"value": v, ...}}.
 */
public final class JsonLines {
  private static final JsonFactory FACTORY = new JsonFactory();

  private final PrintStream out;

  public JsonLines(PrintStream out) {
    this.out = out;
  }

  /** An intermediate value at {@code step}. */
  public void step(int step, double value) {
    write(g -> {
      g.writeNumberField("step", step);
      g.writeNumberField("value", value);
    });
  }

  /** The objective's final value and its accuracy beside it. */
  public void result(double value, double accuracy) {
    write(g -> {
      g.writeNumberField("value", value);
      g.writeNumberField("accuracy", accuracy);
    });
  }

  private interface Fields {
    void write(JsonGenerator g) throws IOException;
  }

  private void write(Fields fields) {
    StringWriter line = new StringWriter();
    try (JsonGenerator g = FACTORY.createGenerator(line)) {
      g.writeStartObject();
      fields.write(g);
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    out.println(line);
    // The study reads progress while the trial runs, so a line must not wait in a buffer.
    out.flush();
  }
}
