package dev.asap.bench.prior;

import dev.asap.integrator.ToolPrior;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Leave-one-family-out priors for a benchmark run: the pool on a task of family F uses the prior fitted on the
 * ledger without F, so that no task is scored with a prior that saw it. Each ledger is read once per process.
 */
public final class FamilyPriors {
  /** The budget whose ranks the prior is fitted on: the middle of the usual 20 / 50 / 100. */
  public static final double BUDGET = 50;
  private static final Map<Path, LedgerRanks> LEDGERS = new ConcurrentHashMap<>();

  private FamilyPriors() {}

  /** The prior for a task of {@code family}: fitted on the ledger without that family. */
  public static ToolPrior leavingOut(Path ledger, String family) {
    return ranks(ledger).prior(family);
  }

  /**
   * Reads the ledger (once) and fits the prior without each of {@code families}, so that a ledger that cannot
   * serve the run is reported before any run starts; IllegalArgumentException saying what is wrong.
   */
  public static void check(Path ledger, java.util.Collection<String> families) {
    if (!java.nio.file.Files.isRegularFile(ledger)) {
      throw new IllegalArgumentException("no prior ledger at " + ledger + ": pass the final.csv of a benchmark run "
          + "of the single tools");
    }
    for (String family : families) {
      leavingOut(ledger, family);
    }
  }

  private static LedgerRanks ranks(Path ledger) {
    return LEDGERS.computeIfAbsent(ledger.toAbsolutePath().normalize(), p -> {
      try {
        return LedgerRanks.read(p, BUDGET);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the prior ledger " + p, e);
      }
    });
  }
}
