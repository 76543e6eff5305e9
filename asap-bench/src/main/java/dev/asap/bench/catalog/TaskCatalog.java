package dev.asap.bench.catalog;

import dev.asap.bench.task.ConstrainedTasks;
import dev.asap.bench.task.SyntheticTasks;
import dev.asap.bench.task.BenchData;
import dev.asap.bench.task.ExternalTask;
import dev.asap.bench.task.BenchmarkTask;
import dev.asap.bench.synthetic.SyntheticFunctions;
import dev.asap.bench.task.grid.HpolibGrids;
import dev.asap.bench.task.yahpo.TargetStatistics;
import dev.asap.bench.task.yahpo.YahpoModel;
import dev.asap.bench.task.yahpo.YahpoScenario;
import dev.asap.bench.task.yahpo.YahpoTasks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every benchmark task the harness knows, by family, and the names that select them: suites ({@code smoke},
 * {@code full}), families ({@code synthetic}, {@code yahpo}, {@code yahpo-lcbench}, {@code yahpo-rbv2_xgboost},
 * {@code yahpo-so}, {@code hpolib}, {@code constrained} and its part {@code llm-parallelism}), single tasks
 * ({@code branin}, {@code lcbench-189906}, {@code hpolib-lda}, {@code constrained-g08}, {@code llm-parallelism-13b})
 * and study files ({@code my-study.yaml}), comma-separated. Tasks whose data is missing are skipped with a
 * note. The constrained family is selected by name only: {@code full} stays the ledger's task set. Owns the
 * YAHPO surrogate sessions; close it after the runs.
 */
public final class TaskCatalog implements AutoCloseable {
  /** The YAHPO-SO v1 problems that the two shipped scenarios can run. */
  public static final List<String> YAHPO_SO = List.of("yahpo-lcbench-167168", "yahpo-lcbench-189873",
      "yahpo-lcbench-189906", "yahpo-rbv2_xgboost-12", "yahpo-rbv2_xgboost-1501", "yahpo-rbv2_xgboost-16",
      "yahpo-rbv2_xgboost-40499");
  /** A few tasks of every family: runs in CI. */
  public static final List<String> SMOKE = List.of("branin", "hartmann3", "mixed", "yahpo-lcbench-189906",
      "yahpo-rbv2_xgboost-12", "hpolib-lda");

  private final Path data;
  private final String missingData;
  private final Set<String> notes = new LinkedHashSet<>();
  private final Map<YahpoScenario, List<BenchmarkTask>> yahpoTasks = new LinkedHashMap<>();
  private final Map<YahpoScenario, YahpoModel> models = new LinkedHashMap<>();
  private TargetStatistics statistics;
  private List<BenchmarkTask> hpolib;

  private TaskCatalog(Path data, String missingData) {
    this.data = data;
    this.missingData = missingData;
  }

  /**
   * @param benchdata the benchmark data folder, or null to look for it ({@link BenchData#locate()})
   */
  public static TaskCatalog open(Path benchdata) {
    if (benchdata != null) {
      return Files.isDirectory(benchdata) ? new TaskCatalog(benchdata, null)
          : new TaskCatalog(null, "benchmark data missing: " + benchdata.toAbsolutePath()
              + " does not exist; YAHPO and HPOlib tasks are skipped");
    }
    Optional<Path> found = BenchData.locate();
    return found.map(p -> new TaskCatalog(p, null)).orElseGet(() -> new TaskCatalog(null,
        BenchData.missingMessage(Path.of(""), System.getenv(BenchData.ENV))));
  }

  /** The data folder in use, if any. */
  public Optional<Path> dataDir() {
    return Optional.ofNullable(data);
  }

  /** One line per thing that could not be loaded (missing data, ONNX Runtime problems). */
  public List<String> notes() {
    return List.copyOf(notes);
  }

  public List<BenchmarkTask> synthetic() {
    return SyntheticTasks.all();
  }

  /** Every instance of a YAHPO scenario; empty (with a note) when its files or ONNX Runtime are missing. */
  public synchronized List<BenchmarkTask> yahpo(YahpoScenario scenario) {
    List<BenchmarkTask> cached = yahpoTasks.get(scenario);
    if (cached != null) {
      return cached;
    }
    List<BenchmarkTask> tasks = List.of();
    Path dir = data == null ? null : data.resolve("yahpo_v1").resolve(scenario.name());
    if (data == null) {
      notes.add(missingData);
    } else if (!Files.isRegularFile(dir.resolve("model.onnx"))
        || !Files.isRegularFile(dir.resolve("config_space.json"))) {
      notes.add("YAHPO " + scenario.name() + " missing: " + dir + " has no model.onnx and config_space.json; its tasks "
          + "are skipped");
    } else {
      try {
        YahpoModel model = YahpoModel.open(dir, scenario);
        model.load();
        models.put(scenario, model);
        tasks = YahpoTasks.all(dir, model, statistics());
      } catch (RuntimeException | LinkageError e) {
        // LinkageError: ONNX Runtime's classes or native library are not on this machine.
        notes.add("YAHPO " + scenario.name() + " skipped: " + (e.getMessage() == null ? e : e.getMessage()));
      }
    }
    yahpoTasks.put(scenario, tasks);
    return tasks;
  }

  /** The HPOlib measured grids; empty (with a note) when the data is missing. */
  public synchronized List<BenchmarkTask> hpolib() {
    if (hpolib == null) {
      Path dir = data == null ? null : data.resolve("hpolib_grids");
      if (data == null) {
        notes.add(missingData);
        hpolib = List.of();
      } else if (!Files.isDirectory(dir)) {
        notes.add("HPOlib grids missing: " + dir + " does not exist; its tasks are skipped");
        hpolib = List.of();
      } else {
        hpolib = HpolibGrids.all(dir);
      }
    }
    return hpolib;
  }

  /** Every task of the ledger's families (all but the constrained one). */
  public List<BenchmarkTask> all() {
    List<BenchmarkTask> out = new ArrayList<>(synthetic());
    for (YahpoScenario s : YahpoScenario.all()) {
      out.addAll(yahpo(s));
    }
    out.addAll(hpolib());
    return out;
  }

  /**
   * The tasks named by {@code selection} (comma-separated suites, families, task names or study files), in
   * order, without duplicates. Missing data only adds notes; an unknown name fails.
   *
   * @throws IllegalArgumentException for a name that is neither a suite, a family, a task nor a study file
   */
  public List<BenchmarkTask> select(String selection) {
    Map<String, BenchmarkTask> out = new LinkedHashMap<>();
    for (String raw : selection.split(",")) {
      String term = raw.trim();
      if (!term.isEmpty()) {
        resolve(term).forEach(t -> out.putIfAbsent(t.name(), t));
      }
    }
    return List.copyOf(out.values());
  }

  private List<BenchmarkTask> resolve(String term) {
    String lower = term.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".yaml") || lower.endsWith(".yml")) {
      return List.of(ExternalTask.load(Path.of(term)));
    }
    switch (lower) {
      case "smoke":
        return named(SMOKE);
      case "full":
      case "all":
        return all();
      case "synthetic":
        return synthetic();
      case "yahpo":
        List<BenchmarkTask> both = new ArrayList<>();
        YahpoScenario.all().forEach(s -> both.addAll(yahpo(s)));
        return both;
      case "yahpo-so":
        return named(YAHPO_SO);
      case "hpolib":
        return hpolib();
      case HpolibGrids.CONTINUOUS_FAMILY:
        return hpolib().isEmpty() ? List.of() : HpolibGrids.continuous(data.resolve("hpolib_grids"));
      case ConstrainedTasks.FAMILY:
        return ConstrainedTasks.all();
      case "llm-parallelism":
        return ConstrainedTasks.llmParallelism();
      case ConstrainedTasks.SILENT_FAMILY:
        return ConstrainedTasks.silent();
      default:
        break;
    }
    for (YahpoScenario s : YahpoScenario.all()) {
      if (lower.equals(s.family()) || lower.equals(s.name())) {
        return yahpo(s);
      }
    }
    return named(List.of(term));
  }

  /** Tasks by name; a name whose family's data is missing yields nothing (the family left a note). */
  private List<BenchmarkTask> named(List<String> names) {
    List<BenchmarkTask> out = new ArrayList<>();
    for (String name : names) {
      String n = name.toLowerCase(Locale.ROOT);
      Optional<BenchmarkTask> task = SyntheticFunctions.byName(n).map(SyntheticTasks::task)
          .or(() -> ConstrainedTasks.byName(n));
      if (task.isPresent()) {
        out.add(task.get());
        continue;
      }
      List<BenchmarkTask> family = familyOf(n);
      if (family == null) {
        throw unknown(name);
      }
      String full = n.startsWith("yahpo-") || n.startsWith("hpolib-") ? n
          : (n.startsWith("lcbench-") || n.startsWith("rbv2_") ? "yahpo-" : "hpolib-") + n;
      Optional<BenchmarkTask> match = family.stream().filter(t -> t.name().equalsIgnoreCase(full)).findFirst();
      if (match.isPresent()) {
        out.add(match.get());
      } else if (!family.isEmpty()) {
        throw unknown(name);
      }
    }
    return out;
  }

  /** The family a task name belongs to, loading it, or null when the name fits none. */
  private List<BenchmarkTask> familyOf(String name) {
    for (YahpoScenario s : YahpoScenario.all()) {
      if (name.startsWith(s.family() + "-") || name.startsWith(s.name() + "-")) {
        return yahpo(s);
      }
    }
    boolean grid = HpolibGrids.SPECS.stream().anyMatch(s -> s.task().equals(name) || s.task().equals("hpolib-" + name));
    return grid ? hpolib() : null;
  }

  private static IllegalArgumentException unknown(String name) {
    return new IllegalArgumentException("unknown benchmark '" + name + "'; use a suite (smoke, full), a family "
        + "(synthetic, yahpo, yahpo-lcbench, yahpo-rbv2_xgboost, yahpo-so, hpolib, hpolib-continuous, constrained, constrained-silent, llm-parallelism), "
        + "a task (e.g. branin, lcbench-189906, rbv2_xgboost-12, hpolib-lda, constrained-g08, llm-parallelism-13b) "
        + "or a study file (*.yaml)");
  }

  @Override
  public synchronized void close() {
    models.values().forEach(YahpoModel::close);
    models.clear();
  }

  private TargetStatistics statistics() {
    if (statistics == null) {
      statistics = TargetStatistics.read(data.resolve("yahpo_v1").resolve("instance_target_statistics.csv"));
    }
    return statistics;
  }
}
