package dev.asap.cli;

import java.util.concurrent.atomic.AtomicInteger;
import sun.misc.Signal;

/**
 * Ctrl-C (SIGINT) and SIGTERM for a run: the first asks for a clean stop (no new trial, running ones recorded
 * as interrupted, the summary printed whole); the second stops at once, after recording what is still running.
 *
 * <p>The JVM's own handling would run shutdown hooks and exit while the run is still writing its summary, so
 * these signals are taken over for the length of the run; {@code sun.misc.Signal} is the JDK's supported way.
 */
final class StopSignals implements AutoCloseable {
  private static final String[] NAMES = {"INT", "TERM"};

  private final AtomicInteger received = new AtomicInteger();
  private volatile int signalNumber;
  private final Signal[] signals = new Signal[NAMES.length];
  private final sun.misc.SignalHandler[] previous = new sun.misc.SignalHandler[NAMES.length];

  /**
   * @param stop      asks the run to stop cleanly (called once, on the first signal)
   * @param emergency records what is still running and ends the process with the exit code it is given
   *                  (called on the second signal)
   */
  StopSignals(Runnable stop, java.util.function.IntConsumer emergency) {
    for (int i = 0; i < NAMES.length; i++) {
      signals[i] = new Signal(NAMES[i]);
      previous[i] = Signal.handle(signals[i], s -> {
        signalNumber = s.getNumber();
        if (received.incrementAndGet() == 1) {
          stop.run();
        } else {
          emergency.accept(exitCode());
        }
      });
    }
  }

  /** True once a stop signal arrived. */
  boolean received() {
    return received.get() > 0;
  }

  /** The exit code for a run stopped by a signal: 128 + its number (130 for Ctrl-C). */
  int exitCode() {
    return 128 + signalNumber;
  }

  @Override
  public void close() {
    for (int i = 0; i < NAMES.length; i++) {
      Signal.handle(signals[i], previous[i]);
    }
  }
}
