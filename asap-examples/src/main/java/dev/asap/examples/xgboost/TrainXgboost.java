package dev.asap.examples.xgboost;

import java.io.PrintStream;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * Command-line objective for the quickstart: cross-validates an XGBoost classifier on the Breast Cancer
 * Wisconsin (Diagnostic) data with the hyperparameters given as {@code --name value} pairs, and prints one
 * JSON line per fold ({@code {"step": k, "value": mean log-loss so far}}) and then
 * {@code {"value": mean log-loss, "accuracy": mean accuracy}}.
 *
 * <p>Exit codes: 0 on success, 2 for bad arguments, 1 if training fails; errors are one line on stderr.
 */
public final class TrainXgboost {
  static final String DATASET = "/dev/asap/examples/data/breast_cancer.csv";
  static final int EXIT_FAILED = 1;
  static final int EXIT_USAGE = 2;
  private static final String PROGRAM = "train-xgboost";

  private TrainXgboost() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** Everything {@link #main} does except ending the JVM; returns the exit code. */
  static int run(String[] args, PrintStream out, PrintStream err) {
    XgboostConfig config;
    try {
      config = ArgumentParser.parse(args);
    } catch (UsageException e) {
      err.println(PROGRAM + ": " + e.getMessage());
      return EXIT_USAGE;
    }
    JsonLines lines = new JsonLines(out);
    try {
      Dataset data = CsvDatasetLoader.fromClasspath(DATASET);
      FoldScore mean = new CrossValidator(data, config)
          .run((fold, score, meanSoFar) -> lines.step(fold, meanSoFar.logLoss()));
      lines.result(mean.logLoss(), mean.accuracy());
      return 0;
    } catch (IllegalArgumentException e) {
      err.println(PROGRAM + ": " + e.getMessage());
      return EXIT_USAGE;
    } catch (XGBoostError | RuntimeException e) {
      err.println(PROGRAM + ": training failed: " + e.getMessage());
      return EXIT_FAILED;
    } catch (LinkageError e) {
      // XGBoost unpacks and loads its native library on first use, e.g. it needs a writable java.io.tmpdir
      // and libgomp.
      err.println(PROGRAM + ": cannot load XGBoost's native library: " + rootCause(e));
      return EXIT_FAILED;
    }
  }

  private static String rootCause(Throwable t) {
    Throwable root = t;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getClass().getSimpleName() + ": " + root.getMessage();
  }
}
