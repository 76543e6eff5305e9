package dev.asap.bench.constrained.parallelism;

import dev.asap.space.CategoricalParameter;
import dev.asap.space.Config;
import dev.asap.space.OrdinalParameter;
import dev.asap.space.Parameter;
import dev.asap.space.SearchSpace;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Lists every config of a space of ordinal and categorical parameters. */
final class FiniteSpaces {
  private FiniteSpaces() {}

  /**
   * Every config, inactive parameters left out: each combination of values is decoded from the centres of their
   * unit-cube cells, and decoding drops what a condition makes inactive, so the duplicates that leaves go.
   *
   * @throws IllegalArgumentException when a parameter is neither ordinal nor categorical
   */
  static List<Config> enumerate(SearchSpace space) {
    List<Parameter> ps = space.parameters();
    int[] sizes = new int[ps.size()];
    for (int i = 0; i < sizes.length; i++) {
      Parameter p = ps.get(i);
      if (!(p instanceof OrdinalParameter || p instanceof CategoricalParameter)) {
        throw new IllegalArgumentException("parameter '" + p.name() + "' is neither ordinal nor categorical: the "
            + "space cannot be listed");
      }
      sizes[i] = (int) p.cardinality();
    }
    Set<Config> out = new LinkedHashSet<>();
    int[] index = new int[sizes.length];
    double[] unit = new double[sizes.length];
    do {
      for (int i = 0; i < unit.length; i++) {
        unit[i] = (index[i] + 0.5) / sizes[i];
      }
      out.add(space.decode(unit));
    } while (next(index, sizes));
    return List.copyOf(out);
  }

  /** Advances the combination like an odometer; false after the last. */
  private static boolean next(int[] index, int[] sizes) {
    for (int i = index.length - 1; i >= 0; i--) {
      if (++index[i] < sizes[i]) {
        return true;
      }
      index[i] = 0;
    }
    return false;
  }
}
