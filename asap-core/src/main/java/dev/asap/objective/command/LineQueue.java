package dev.asap.objective.command;

import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Hands stdout lines from the pump thread to the evaluating thread, so that intermediate values are
 * reported on the caller's thread. Bounded, so a fast command waits for us rather than filling memory;
 * once the reader {@link #abandon}s it, lines are dropped so the pump can keep draining the pipe.
 */
final class LineQueue implements StreamPump.Sink {
  private static final int CAPACITY = 1024;
  private static final long OFFER_SLICE_MILLIS = 100;

  /** A line, or empty for the end of the stream. */
  private final BlockingQueue<Optional<String>> queue = new ArrayBlockingQueue<>(CAPACITY);
  private volatile boolean abandoned;

  @Override
  public void line(String line) throws InterruptedException {
    offer(Optional.of(line));
  }

  @Override
  public void end() throws InterruptedException {
    offer(Optional.empty());
  }

  /** The next line, empty at the end of the stream, or null when none came within {@code nanos}. */
  Optional<String> poll(long nanos) throws InterruptedException {
    return queue.poll(nanos, TimeUnit.NANOSECONDS);
  }

  /** Called by the reader when it stops reading; later lines are discarded. */
  void abandon() {
    abandoned = true;
    queue.clear();
  }

  private void offer(Optional<String> item) throws InterruptedException {
    // Waits in slices so that a reader who has gone away cannot leave the pump blocked forever.
    while (!abandoned && !queue.offer(item, OFFER_SLICE_MILLIS, TimeUnit.MILLISECONDS)) {
      // Queue full: the reader is behind; try again.
    }
  }
}
