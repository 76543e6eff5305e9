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

  public static ToolPrior leavingOut(Path ledger, String family) {
    LedgerRanks ranks = LEDGERS.computeIfAbsent(ledger.toAbsolutePath().normalize(), p -> {
      try {
        return LedgerRanks.read(p, BUDGET);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the prior ledger " + p, e);
      }
    });
    return ranks.prior(family);
  }
}
