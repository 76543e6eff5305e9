package dev.asap.cli;

import dev.asap.store.StoreException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Prints a user's mistake (a bad study file, an unknown study, an unreachable store) as one clear message
 * without a stack trace; anything else is a bug and keeps its trace.
 */
final class UserErrors implements IExecutionExceptionHandler {
  static final int USER_ERROR = 2;

  @Override
  public int handleExecutionException(Exception e, CommandLine cmd, ParseResult parsed) {
    if (e instanceof IllegalArgumentException || e instanceof IllegalStateException || e instanceof StoreException
        || e instanceof java.io.IOException || e instanceof java.io.UncheckedIOException) {
      cmd.getErr().println("asap: " + message(e));
      return USER_ERROR;
    }
    cmd.getErr().println("asap: internal error (please report it with the trace below): " + e);
    e.printStackTrace(cmd.getErr());
    return 1;
  }

  private static String message(Throwable e) {
    String m = e.getMessage();
    if (e instanceof java.nio.file.NoSuchFileException) {
      return "no such file: " + m;
    }
    if (e instanceof StoreException && e.getCause() != null && e.getCause().getMessage() != null
        && !m.contains(e.getCause().getMessage())) {
      return m + " (" + e.getCause().getMessage() + ")";
    }
    return m == null ? e.getClass().getSimpleName() : m;
  }
}
