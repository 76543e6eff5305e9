package dev.asap.studyfile;

import dev.asap.space.InvalidSpaceException;
import dev.asap.schedule.Fidelity;
import dev.asap.space.SearchSpace;
import dev.asap.space.format.ConfigSpaceJson;
import dev.asap.space.format.SpaceFormat;
import dev.asap.trial.Direction;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads a YAML study file into a {@link StudyFile}. Every mistake is reported as a {@link StudyFileException}
 * whose message reads {@code FILE:LINE:COLUMN: what is wrong; how to fix it}.
 *
 * <pre>
 * name: branin
 * direction: minimize            # or maximize; minimize when left out
 * objective:
 *   command: "python3 branin.py {x} {y}"
 *   timeout: 60s                 # optional
 *   workdir: runs                # optional, relative to this file
 *   env: {OMP_NUM_THREADS: 1}    # optional
 *   infeasible_exit_codes: [137] # optional: exits that mean "this config cannot run"
 * trials: 50                     # optional run defaults: trials, time, workers, seed, optimizer, storage
 * space:                         # SpaceFormat's map, or a path to a ConfigSpace JSON file
 *   x: {type: float, low: -5, high: 10}
 * constraints: ["x + y <= 12"]   # optional: only configs that satisfy them are proposed
 * fidelity: {name: epochs, min: 1, max: 81, eta: 3}  # optional budget parameter, given as {epochs}
 * scheduler: asha                # optional: none, median, percentile, asha, hyperband
 * </pre>
 */
public final class StudyFileLoader {
  private static final List<String> KEYS = List.of("name", "direction", "objective", "space", "trials", "time",
      "workers", "seed", "optimizer", "storage", "constraints", "fidelity", "scheduler");
  private static final List<String> FIDELITY_KEYS = List.of("name", "min", "max", "eta", "type");
  private static final String FIDELITY_EXAMPLE = "fidelity: {name: epochs, min: 1, max: 81, eta: 3}";
  private static final List<String> OBJECTIVE_KEYS = List.of("command", "timeout", "workdir", "env",
      "infeasible_exit_codes");
  private static final String OBJECTIVE_EXAMPLE = "objective: {command: \"python3 train.py {x}\"}";
  private static final String SPACE_EXAMPLE = "space: {x: {type: float, low: 0, high: 1}}";

  private final Path file;
  private final Path dir;
  private final YamlNodes yaml;

  private StudyFileLoader(Path file) {
    this.file = file;
    this.dir = file.toAbsolutePath().normalize().getParent();
    this.yaml = new YamlNodes(file);
  }

  /**
   * Reads and checks a study file.
   *
   * @throws StudyFileException when the file cannot be read or is wrong in any way
   */
  public static StudyFile load(Path file) {
    return new StudyFileLoader(file).read();
  }

  private StudyFile read() {
    Node root = yaml.compose(text());
    if (root == null) {
      throw new StudyFileException(file, 1, 1, "the file is empty; write at least name:, objective: and space:");
    }
    if (!(root instanceof MappingNode top)) {
      throw yaml.error(root, "a study file is a map of keys such as name:, objective: and space:, got "
          + YamlNodes.describe(root));
    }
    Map<String, NodeTuple> entries = yaml.entries(top);
    checkKeys(entries, KEYS, "");
    String name = text(required(top, entries, "name", "name: my-study"), "name", "name: my-study");
    Direction direction = direction(entries.get("direction"));
    NodeTuple objectiveEntry = required(top, entries, "objective", OBJECTIVE_EXAMPLE);
    ObjectiveSpec objective = objective(objectiveEntry);
    Integer trials = positiveInt(entries.get("trials"), "trials: 50");
    Duration time = duration(entries.get("time"), "time: 2h");
    Integer workers = positiveInt(entries.get("workers"), "workers: 4");
    Long seed = seed(entries.get("seed"));
    String optimizer = optionalText(entries.get("optimizer"), "optimizer: tpe");
    String storage = optionalText(entries.get("storage"), "storage: study.db");
    SearchSpace space = constrained(space(required(top, entries, "space", SPACE_EXAMPLE)), entries.get("constraints"));
    Fidelity fidelity = fidelity(entries.get("fidelity"), space);
    ScheduleSpec scheduler = scheduler(entries.get("scheduler"), fidelity, direction);
    checkPlaceholders(objectiveEntry, objective.command(), space, fidelity);
    return new StudyFile(file.toAbsolutePath().normalize(), name, direction, objective, space, trials, time,
        workers, seed, optimizer, storage, fidelity, scheduler);
  }

  private Fidelity fidelity(NodeTuple entry, SearchSpace space) {
    if (entry == null || YamlNodes.isNull(entry.getValueNode())) {
      return null;
    }
    if (!(entry.getValueNode() instanceof MappingNode map)) {
      throw yaml.error(entry.getValueNode(), "'fidelity' must be a map, got "
          + YamlNodes.describe(entry.getValueNode()) + "; write e.g. " + FIDELITY_EXAMPLE);
    }
    Map<String, NodeTuple> entries = yaml.entries(map);
    checkKeys(entries, FIDELITY_KEYS, "fidelity ");
    String name = text(required(map, entries, "name", FIDELITY_EXAMPLE), "name", FIDELITY_EXAMPLE);
    if (space.hasParameter(name)) {
      throw yaml.error(entries.get("name").getValueNode(), "'" + name + "' is both a parameter of the space and"
          + " the fidelity; the tools search parameters and the scheduler sets the fidelity: remove it from space:");
    }
    Object min = number(required(map, entries, "min", FIDELITY_EXAMPLE));
    Object max = number(required(map, entries, "max", FIDELITY_EXAMPLE));
    double eta = entries.containsKey("eta") ? ((Number) number(entries.get("eta"))).doubleValue() : 3;
    String type = optionalText(entries.get("type"), "type: int");
    boolean integer;
    if (type == null) {
      integer = min instanceof Long && max instanceof Long;
    } else if (type.equals("int") || type.equals("float")) {
      integer = type.equals("int");
    } else {
      throw yaml.error(entries.get("type").getValueNode(), "the fidelity's type is int or float, got '" + type + "'");
    }
    try {
      return new Fidelity(name, ((Number) min).doubleValue(), ((Number) max).doubleValue(), eta, integer);
    } catch (IllegalArgumentException e) {
      throw yaml.error(entry.getValueNode(), e.getMessage());
    }
  }

  private Object number(NodeTuple entry) {
    Object v = yaml.value(entry.getValueNode());
    if (!(v instanceof Number)) {
      String key = ((ScalarNode) entry.getKeyNode()).getValue();
      throw yaml.error(entry.getValueNode(), "'" + key + "' must be a number, got "
          + YamlNodes.describe(entry.getValueNode()) + "; write e.g. " + FIDELITY_EXAMPLE);
    }
    return v;
  }

  private ScheduleSpec scheduler(NodeTuple entry, Fidelity fidelity, Direction direction) {
    if (entry == null || YamlNodes.isNull(entry.getValueNode())) {
      return null;
    }
    Node node = entry.getValueNode();
    String name;
    Map<String, Double> settings = new java.util.LinkedHashMap<>();
    if (node instanceof MappingNode map) {
      Map<String, NodeTuple> entries = yaml.entries(map);
      name = text(required(map, entries, "name", "scheduler: {name: percentile, percentile: 25}"), "name",
          "scheduler: {name: percentile, percentile: 25}");
      for (var e : entries.entrySet()) {
        if (!e.getKey().equals("name")) {
          Object v = yaml.value(e.getValue().getValueNode());
          if (!(v instanceof Number n)) {
            throw yaml.error(e.getValue().getValueNode(), "scheduler setting '" + e.getKey() + "' must be a number, got "
                + YamlNodes.describe(e.getValue().getValueNode()));
          }
          settings.put(e.getKey(), n.doubleValue());
        }
      }
    } else {
      name = text(entry, "scheduler", "scheduler: asha");
    }
    try {
      dev.asap.schedule.Schedulers.create(name, settings, fidelity, direction);
    } catch (IllegalArgumentException e) {
      throw yaml.error(node, e.getMessage());
    }
    return new ScheduleSpec(name, settings);
  }

  private String text() {
    try {
      return Files.readString(file);
    } catch (NoSuchFileException e) {
      throw new StudyFileException(file, 0, 0, "no such file; check the path");
    } catch (CharacterCodingException e) {
      throw new StudyFileException(file, 0, 0, "not UTF-8 text; save the study file as UTF-8");
    } catch (IOException e) {
      throw new StudyFileException(file, 0, 0, "cannot read the file (" + e + ")");
    }
  }

  private ObjectiveSpec objective(NodeTuple entry) {
    if (!(entry.getValueNode() instanceof MappingNode node)) {
      throw yaml.error(entry.getValueNode(), "'objective' must be a map with at least a command, got "
          + YamlNodes.describe(entry.getValueNode()) + "; write e.g. " + OBJECTIVE_EXAMPLE);
    }
    Map<String, NodeTuple> entries = yaml.entries(node);
    checkKeys(entries, OBJECTIVE_KEYS, "objective ");
    NodeTuple command = entries.get("command");
    if (command == null) {
      throw yaml.error(entry.getKeyNode(), "the objective has no command; add e.g. command: \"python3 train.py {x}\"");
    }
    String commandText = text(command, "command", "command: \"python3 train.py {x}\"");
    Duration timeout = duration(entries.get("timeout"), "timeout: 60s");
    Path workdir = dir;
    String workdirText = optionalText(entries.get("workdir"), "workdir: runs");
    if (workdirText != null) {
      workdir = dir.resolve(workdirText).normalize();
    }
    return new ObjectiveSpec(commandText, timeout, workdir, env(entries.get("env")),
        exitCodes(entries.get("infeasible_exit_codes")));
  }

  /** {@code infeasible_exit_codes: [137]}: a list of exit codes 1..255. */
  private java.util.Set<Integer> exitCodes(NodeTuple entry) {
    java.util.Set<Integer> codes = new java.util.TreeSet<>();
    if (entry == null || YamlNodes.isNull(entry.getValueNode())) {
      return codes;
    }
    String example = "infeasible_exit_codes: [137]";
    if (!(entry.getValueNode() instanceof org.yaml.snakeyaml.nodes.SequenceNode list)) {
      throw yaml.error(entry.getValueNode(), "'infeasible_exit_codes' must be a list of exit codes, got "
          + YamlNodes.describe(entry.getValueNode()) + "; write e.g. " + example);
    }
    for (Node item : list.getValue()) {
      Object v = item instanceof ScalarNode ? yaml.value(item) : null;
      if (!(v instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue()) || n.intValue() < 1
          || n.intValue() > 255) {
        throw yaml.error(item, "an infeasible exit code must be a whole number from 1 to 255 (0 means success), got "
            + YamlNodes.describe(item) + "; write e.g. " + example);
      }
      codes.add(n.intValue());
    }
    return codes;
  }

  private Map<String, String> env(NodeTuple entry) {
    Map<String, String> env = new LinkedHashMap<>();
    if (entry == null || YamlNodes.isNull(entry.getValueNode())) {
      return env;
    }
    if (!(entry.getValueNode() instanceof MappingNode node)) {
      throw yaml.error(entry.getValueNode(), "'env' must map variable names to values, got "
          + YamlNodes.describe(entry.getValueNode()) + "; write e.g. env: {OMP_NUM_THREADS: 1}");
    }
    yaml.entries(node).forEach((k, t) -> {
      if (!(t.getValueNode() instanceof ScalarNode s) || YamlNodes.isNull(s)) {
        throw yaml.error(t.getValueNode(), "environment variable '" + k + "' must have a single value, got "
            + YamlNodes.describe(t.getValueNode()) + "; write e.g. " + k + ": \"1\"");
      }
      env.put(k, s.getValue());
    });
    return env;
  }

  private SearchSpace space(NodeTuple entry) {
    Node node = entry.getValueNode();
    if (node instanceof ScalarNode s && Tag.STR.equals(s.getTag())) {
      return configSpace(s);
    }
    if (!(node instanceof MappingNode)) {
      throw yaml.error(node, "'space' must map parameter names to definitions or name a ConfigSpace JSON file, got "
          + YamlNodes.describe(node) + "; write e.g. " + SPACE_EXAMPLE);
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> spec = (Map<String, Object>) yaml.value(node);
    try {
      return SpaceFormat.fromMap(spec);
    } catch (InvalidSpaceException e) {
      throw yaml.error(SpaceErrorLocator.locate(entry, e.getMessage()), e.getMessage());
    }
  }

  /** {@code constraints: ["tp * pp <= 64", ...]}: each is checked alone so that an error points at its line. */
  private SearchSpace constrained(SearchSpace space, NodeTuple entry) {
    if (entry == null || YamlNodes.isNull(entry.getValueNode())) {
      return space;
    }
    String example = "constraints: [\"tp * pp <= 64\"]";
    if (!(entry.getValueNode() instanceof org.yaml.snakeyaml.nodes.SequenceNode list)) {
      throw yaml.error(entry.getValueNode(), "'constraints' must be a list of expressions, got "
          + YamlNodes.describe(entry.getValueNode()) + "; write e.g. " + example);
    }
    List<String> texts = new java.util.ArrayList<>();
    for (Node item : list.getValue()) {
      if (!(item instanceof ScalarNode s) || YamlNodes.isNull(s)) {
        throw yaml.error(item, "a constraint must be one expression in quotes, got " + YamlNodes.describe(item)
            + "; write e.g. " + example);
      }
      try {
        space.withConstraints(List.of(s.getValue()));
      } catch (InvalidSpaceException e) {
        throw yaml.error(item, e.getMessage());
      }
      texts.add(s.getValue());
    }
    try {
      return space.withConstraints(texts);
    } catch (InvalidSpaceException e) {
      throw yaml.error(entry.getKeyNode(), e.getMessage());
    }
  }

  private SearchSpace configSpace(ScalarNode node) {
    Path path = dir.resolve(node.getValue()).normalize();
    if (!Files.isRegularFile(path)) {
      throw yaml.error(node, "ConfigSpace file '" + node.getValue() + "' not found (looked for " + path
          + "); give its path relative to the study file's directory");
    }
    try {
      return ConfigSpaceJson.read(path);
    } catch (InvalidSpaceException e) {
      throw yaml.error(node, e.getMessage());
    }
  }

  private void checkPlaceholders(NodeTuple objectiveEntry, String command, SearchSpace space, Fidelity fidelity) {
    Node at = yaml.entries((MappingNode) objectiveEntry.getValueNode()).get("command").getValueNode();
    java.util.Set<String> names;
    try {
      // The objective's own parser: it also rejects placeholders whose value could act as shell code.
      names = dev.asap.objective.command.CommandObjective.placeholders(command);
    } catch (IllegalArgumentException e) {
      throw yaml.error(at, e.getMessage());
    }
    for (String name : names) {
      if (!space.hasParameter(name) && (fidelity == null || !fidelity.name().equals(name))) {
        String known = space.parameters().stream().map(p -> "{" + p.name() + "}").collect(Collectors.joining(", "));
        throw yaml.error(at, "the command uses {" + name + "}, but the space has no parameter '" + name
            + "'; use one of " + known + ", or write {{" + name + "}} for literal braces");
      }
    }
  }

  private void checkKeys(Map<String, NodeTuple> entries, List<String> allowed, String section) {
    for (var e : entries.entrySet()) {
      if (!allowed.contains(e.getKey())) {
        String near = closest(e.getKey(), allowed);
        throw yaml.error(e.getValue().getKeyNode(), "unknown " + section + "key '" + e.getKey() + "'; "
            + (near == null ? "" : "did you mean '" + near + "'? ") + "allowed keys are " + allowed);
      }
    }
  }

  private NodeTuple required(MappingNode top, Map<String, NodeTuple> entries, String key, String example) {
    NodeTuple t = entries.get(key);
    if (t == null) {
      throw yaml.error(top, "missing '" + key + "'; add e.g. " + example);
    }
    if (YamlNodes.isNull(t.getValueNode())) {
      throw yaml.error(t.getKeyNode(), "'" + key + "' has no value; write e.g. " + example);
    }
    return t;
  }

  private String text(NodeTuple entry, String key, String example) {
    Node node = entry.getValueNode();
    if (!(node instanceof ScalarNode s) || YamlNodes.isNull(s) || s.getValue().isBlank()) {
      throw yaml.error(YamlNodes.isNull(node) ? entry.getKeyNode() : node, "'" + key + "' must be a single "
          + "non-empty value, got " + YamlNodes.describe(node) + "; write e.g. " + example);
    }
    return s.getValue();
  }

  private String optionalText(NodeTuple entry, String example) {
    if (entry == null || YamlNodes.isNull(entry.getValueNode())) {
      return null;
    }
    return text(entry, ((ScalarNode) entry.getKeyNode()).getValue(), example);
  }

  private Direction direction(NodeTuple entry) {
    String t = optionalText(entry, "direction: minimize");
    if (t == null) {
      return Direction.MINIMIZE;
    }
    try {
      return Direction.parse(t);
    } catch (IllegalArgumentException e) {
      throw yaml.error(entry.getValueNode(), "direction must be minimize or maximize, got '" + t
          + "'; write direction: minimize or direction: maximize");
    }
  }

  private Duration duration(NodeTuple entry, String example) {
    String t = optionalText(entry, example);
    if (t == null) {
      return null;
    }
    String key = ((ScalarNode) entry.getKeyNode()).getValue();
    Duration d;
    try {
      d = Durations.parse(t);
    } catch (IllegalArgumentException e) {
      throw yaml.error(entry.getValueNode(), "'" + key + "': '" + t + "' is not a duration; write e.g. "
          + example + " (units ms, s, m, h, d; 1h30m also works)");
    }
    if (d.isZero()) {
      throw yaml.error(entry.getValueNode(), "'" + key + "' must be longer than zero; write e.g. " + example
          + " or leave it out");
    }
    return d;
  }

  private Integer positiveInt(NodeTuple entry, String example) {
    if (entry == null || YamlNodes.isNull(entry.getValueNode())) {
      return null;
    }
    Object v = yaml.value(entry.getValueNode());
    if (!(v instanceof Long n) || n < 1 || n > Integer.MAX_VALUE) {
      String key = ((ScalarNode) entry.getKeyNode()).getValue();
      throw yaml.error(entry.getValueNode(), "'" + key + "' must be a whole number of at least 1, got "
          + YamlNodes.describe(entry.getValueNode()) + "; write e.g. " + example);
    }
    return Math.toIntExact(n);
  }

  private Long seed(NodeTuple entry) {
    if (entry == null || YamlNodes.isNull(entry.getValueNode())) {
      return null;
    }
    Object v = yaml.value(entry.getValueNode());
    if (!(v instanceof Long n)) {
      throw yaml.error(entry.getValueNode(), "'seed' must be a whole number, got "
          + YamlNodes.describe(entry.getValueNode()) + "; write e.g. seed: 42");
    }
    return n;
  }

  /** The allowed key within two edits of {@code key}, to suggest for typos. */
  private static String closest(String key, List<String> allowed) {
    String best = null;
    int bestDistance = 3;
    for (String a : allowed) {
      int d = editDistance(key, a);
      if (d < bestDistance) {
        best = a;
        bestDistance = d;
      }
    }
    return best;
  }

  private static int editDistance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        cur[j] = Math.min(sub, Math.min(prev[j], cur[j - 1]) + 1);
      }
      int[] swap = prev;
      prev = cur;
      cur = swap;
    }
    return prev[b.length()];
  }
}
