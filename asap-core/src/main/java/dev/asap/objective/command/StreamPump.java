package dev.asap.objective.command;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;

/**
 * A daemon thread that reads a process's output stream line by line to its end. Each stream gets its own
 * pump so that a command filling one pipe can never block while we wait on the other.
 */
final class StreamPump {
  /** Receives the lines; {@link #end} is called exactly once, after the last line or a read error. */
  interface Sink {
    void line(String line) throws InterruptedException;

    default void end() throws InterruptedException {}
  }

  private final Thread thread;

  private StreamPump(Thread thread) {
    this.thread = thread;
  }

  /** @param keepEnd of a line longer than {@code maxLineChars}, keep the end rather than the start */
  static StreamPump start(String name, InputStream in, int maxLineChars, boolean keepEnd, Sink sink) {
    Thread thread = new Thread(() -> pump(new LineReader(in, maxLineChars, keepEnd), in, sink), name);
    thread.setDaemon(true);
    thread.start();
    return new StreamPump(thread);
  }

  /** Waits up to {@code max} for the stream to end; true when it did. */
  boolean awaitEnd(Duration max) throws InterruptedException {
    thread.join(Math.max(1, max.toMillis()));
    return !thread.isAlive();
  }

  private static void pump(LineReader reader, InputStream in, Sink sink) {
    try {
      try {
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
          sink.line(line);
        }
      } catch (IOException streamClosed) {
        // The stream was closed under us (the process is gone): that is its end.
      } finally {
        sink.end();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      try {
        in.close();
      } catch (IOException ignored) {
        // Nothing more to read either way.
      }
    }
  }
}
