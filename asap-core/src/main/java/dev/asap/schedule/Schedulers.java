package dev.asap.schedule;

import dev.asap.trial.Direction;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Schedulers by name, as chosen in a study file ({@code scheduler:}) or with {@code --scheduler}. */
public final class Schedulers {
  private static final List<String> NAMES = List.of("none", "median", "percentile", "asha", "hyperband");
  private static final Map<String, Set<String>> SETTINGS = Map.of(
      "none", Set.of(),
      "median", Set.of("startup_trials", "warmup_steps"),
      "percentile", Set.of("percentile", "startup_trials", "warmup_steps"),
      "asha", Set.of(),
      "hyperband", Set.of());

  private Schedulers() {}

  public static List<String> names() {
    return NAMES;
  }

  /**
   * The scheduler {@code name} with its {@code settings} (numbers by key), for a study with {@code fidelity}
   * (null when it declares none). IllegalArgumentException saying what is wrong and how to fix it.
   */
  public static Scheduler create(String name, Map<String, Double> settings, Fidelity fidelity, Direction direction) {
    if (!SETTINGS.containsKey(name)) {
      throw new IllegalArgumentException("unknown scheduler '" + name + "'; choose one of " + String.join(", ", NAMES));
    }
    for (String key : settings.keySet()) {
      if (!SETTINGS.get(name).contains(key)) {
        throw new IllegalArgumentException("scheduler " + name + " has no setting '" + key + "'"
            + (SETTINGS.get(name).isEmpty() ? "" : "; it takes " + String.join(", ", SETTINGS.get(name))));
      }
    }
    int startup = (int) Math.round(settings.getOrDefault("startup_trials", 5.0));
    long warmup = Math.round(settings.getOrDefault("warmup_steps", 0.0));
    return switch (name) {
      case "none" -> new FullFidelity(fidelity);
      case "median" -> new PercentileStopping(50, startup, warmup, fidelity, direction);
      case "percentile" -> new PercentileStopping(settings.getOrDefault("percentile", 25.0), startup, warmup,
          fidelity, direction);
      case "asha" -> new Asha(needs(name, fidelity), direction);
      default -> new Hyperband(needs(name, fidelity), direction);
    };
  }

  private static Fidelity needs(String scheduler, Fidelity fidelity) {
    if (fidelity == null) {
      throw new IllegalArgumentException("scheduler " + scheduler + " runs configs at several budgets and needs a"
          + " fidelity: declare the budget parameter, e.g. fidelity: {name: epochs, min: 1, max: 81, eta: 3}"
          + " (or --fidelity epochs:1:81:3)");
    }
    return fidelity;
  }
}
