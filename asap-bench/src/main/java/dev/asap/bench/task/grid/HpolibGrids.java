package dev.asap.bench.task.grid;

import dev.asap.bench.task.BenchmarkTask;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The HPOlib measured grids in {@code benchdata/hpolib_grids}: online LDA (perplexity), structured SVM
 * (error) and logistic regression on MNIST (validation error), each with its measured training time.
 */
public final class HpolibGrids {
  public static final String FAMILY = "hpolib";
  /** The same grids declared as continuous ranges (piecewise constant objectives); not in the ledger. */
  public static final String CONTINUOUS_FAMILY = "hpolib-continuous";

  /** One grid file: its input columns, the metric to minimise and the time column. */
  public record Spec(String task, String file, List<String> inputs, String metric) {}

  public static final List<Spec> SPECS = List.of(
      new Spec("hpolib-lda", "lda_on_grid.csv", List.of("kappa", "tau", "S"), "perplexity"),
      new Spec("hpolib-svm", "svm_on_grid.csv", List.of("C", "alpha", "epsilon"), "error"),
      new Spec("hpolib-logreg", "logreg_on_grid.csv", List.of("lrate_idx", "l2_reg", "batchsize", "n_epochs"),
          "valid_error"));

  private HpolibGrids() {}

  public static MeasuredGrid load(Path gridDir, Spec spec) {
    return MeasuredGrid.read(spec.task(), gridDir.resolve(spec.file()), spec.inputs(), spec.metric(), "time_s");
  }

  /** Every grid whose file exists in {@code gridDir}, declared as continuous ranges. */
  public static List<BenchmarkTask> continuous(Path gridDir) {
    List<BenchmarkTask> out = new ArrayList<>();
    for (Spec s : SPECS) {
      if (Files.isRegularFile(gridDir.resolve(s.file()))) {
        out.add(load(gridDir, s).continuousTask(CONTINUOUS_FAMILY));
      }
    }
    return out;
  }

  /** Every grid whose file exists in {@code gridDir}, as tasks. */
  public static List<BenchmarkTask> all(Path gridDir) {
    List<BenchmarkTask> out = new ArrayList<>();
    for (Spec s : SPECS) {
      if (Files.isRegularFile(gridDir.resolve(s.file()))) {
        out.add(load(gridDir, s).task(FAMILY));
      }
    }
    return out;
  }
}
