package dev.asap.cli;

import dev.asap.store.StudyStore;
import dev.asap.store.jdbc.StoreUrls;
import dev.asap.study.Study;
import java.io.Console;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code asap delete NAME}: removes a study and its trials from a store, after asking. */
@Command(name = "delete", mixinStandardHelpOptions = true,
    description = "Delete a stored study and all its trials (asks first, unless --yes).")
final class DeleteCommand implements Callable<Integer> {
  @Mixin
  StudyLocation location;

  @Option(names = "--yes", description = "do not ask; needed when there is no terminal to ask on")
  boolean yes;

  @Override
  public Integer call() {
    try (StudyStore store = StoreUrls.openReadOnly(location.url())) {
      // Fails with "no study named ..." before anything is asked.
      int trials = Study.load(store, location.name).trials().size();
      if (!yes) {
        Console console = System.console();
        if (console == null) {
          throw new IllegalArgumentException("not deleting study '" + location.name + "' (" + trials + " trials)"
              + " without confirmation: run it on a terminal, or pass --yes");
        }
        String answer = console.readLine("Delete study '%s' with its %d trials from %s? [y/N] ", location.name,
            trials, StoreUrls.describe(location.url()));
        if (answer == null || !answer.trim().toLowerCase(Locale.ROOT).startsWith("y")) {
          System.out.println("Nothing deleted.");
          return 0;
        }
      }
    }
    try (StudyStore store = StoreUrls.open(location.url())) {
      if (!store.delete(location.name)) {
        throw new IllegalArgumentException("study '" + location.name + "' is gone already");
      }
    }
    System.out.println("Deleted study '" + location.name + "'.");
    return 0;
  }
}
