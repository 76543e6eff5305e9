package dev.asap.integrator;

import dev.asap.optimizer.History;
import dev.asap.space.CategoricalParameter;
import dev.asap.space.Config;
import dev.asap.space.Parameter;
import dev.asap.space.SearchSpace;
import dev.asap.study.Trial;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a piecewise-constant objective (a table of measured runs searched over continuous ranges, a value
 * rounded by the program) has already answered: the box spanned by two complete trials with exactly the same
 * value, when no trial of another value lies inside it. A config in such a box would almost surely return
 * that value again and teach nothing. On a smooth objective no two values are exactly equal, so there are no
 * boxes and nothing changes.
 */
final class ExploredCells {
  /** Members of one value looked at, the most recent first: bounds the pairs on long studies. */
  static final int MAX_MEMBERS = 20;
  private static final double EPS = 1e-9;

  private final SearchSpace space;
  private final List<Config[]> boxes;

  private ExploredCells(SearchSpace space, List<Config[]> boxes) {
    this.space = space;
    this.boxes = boxes;
  }

  static ExploredCells of(History history) {
    Map<Double, List<Trial>> byValue = new LinkedHashMap<>();
    for (Trial t : history.completed()) {
      if (t.value() != null) {
        byValue.computeIfAbsent(t.value(), v -> new ArrayList<>()).add(t);
      }
    }
    SearchSpace space = history.space();
    List<Config[]> boxes = new ArrayList<>();
    for (List<Trial> same : byValue.values()) {
      if (same.size() < 2) {
        continue;
      }
      List<Trial> members = same.subList(Math.max(0, same.size() - MAX_MEMBERS), same.size());
      for (int i = 0; i < members.size(); i++) {
        for (int j = i + 1; j < members.size(); j++) {
          Config[] box = {members.get(i).config(), members.get(j).config()};
          if (sameStructure(space, box[0], box[1]) && !holdsAnotherValue(space, box, history, same.get(0).value())) {
            boxes.add(box);
          }
        }
      }
    }
    return new ExploredCells(space, boxes);
  }

  /** True when {@code config} lies in a box whose corners returned the same value. */
  boolean contains(Config config) {
    for (Config[] box : boxes) {
      if (inside(space, box, config)) {
        return true;
      }
    }
    return false;
  }

  boolean isEmpty() {
    return boxes.isEmpty();
  }

  private static boolean holdsAnotherValue(SearchSpace space, Config[] box, History history, double value) {
    for (Trial t : history.completed()) {
      if (t.value() != null && t.value() != value && inside(space, box, t.config())) {
        return true;
      }
    }
    return false;
  }

  /** The same active parameters and the same categorical choices: otherwise the two are no one cell. */
  private static boolean sameStructure(SearchSpace space, Config a, Config b) {
    for (Parameter p : space.parameters()) {
      if (a.has(p.name()) != b.has(p.name())) {
        return false;
      }
      if (a.has(p.name()) && p instanceof CategoricalParameter && !a.get(p.name()).equals(b.get(p.name()))) {
        return false;
      }
    }
    return true;
  }

  private static boolean inside(SearchSpace space, Config[] box, Config x) {
    Config a = box[0];
    Config b = box[1];
    for (Parameter p : space.parameters()) {
      String name = p.name();
      if (x.has(name) != a.has(name)) {
        return false;
      }
      if (!a.has(name)) {
        continue;
      }
      if (p instanceof CategoricalParameter) {
        if (!x.get(name).equals(a.get(name))) {
          return false;
        }
        continue;
      }
      double u = p.toUnit(x.get(name));
      double ua = p.toUnit(a.get(name));
      double ub = p.toUnit(b.get(name));
      if (u < Math.min(ua, ub) - EPS || u > Math.max(ua, ub) + EPS) {
        return false;
      }
    }
    return true;
  }
}
