package dev.asap.optimizer.tpe;

import dev.asap.space.Parameter;
import dev.asap.space.SearchSpace;
import dev.asap.trial.Trial;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Encodings of one study's trials by trial number. A trial's config never changes, so each one is encoded
 * once instead of at every proposal; its set of active parameters gets a small id, so that grouping and
 * filtering work on ids rather than on sets.
 */
final class EncodingCache {
  /** Trial numbers below this are kept in an array (they count up from 0); others in a map. */
  private static final int ARRAY_LIMIT = 1 << 22;

  private final SearchSpace space;
  private final UnitDimension[] dims;
  private EncodedTrial[] byNumber;
  private final Map<Integer, EncodedTrial> sparse;
  private final Map<BitSet, Integer> structureIds;
  private final List<BitSet> structures;

  EncodingCache(SearchSpace space) {
    this.space = space;
    List<Parameter> ps = space.parameters();
    this.dims = new UnitDimension[ps.size()];
    for (int i = 0; i < dims.length; i++) {
      dims[i] = UnitDimension.of(ps.get(i));
    }
    this.byNumber = new EncodedTrial[64];
    this.sparse = new HashMap<>();
    this.structureIds = new HashMap<>();
    this.structures = new ArrayList<>();
  }

  /**
   * A copy that grows on its own. Encoded trials and the structures' bit sets are never modified once made,
   * so they are shared; the copy numbers new structures exactly as this cache would.
   */
  private EncodingCache(EncodingCache other) {
    this.space = other.space;
    this.dims = other.dims;
    this.byNumber = other.byNumber.clone();
    this.sparse = new HashMap<>(other.sparse);
    this.structureIds = new HashMap<>(other.structureIds);
    this.structures = new ArrayList<>(other.structures);
  }

  EncodingCache copy() {
    return new EncodingCache(this);
  }

  SearchSpace space() {
    return space;
  }

  UnitDimension[] dimensions() {
    return dims;
  }

  /** Number of distinct sets of active parameters seen so far. */
  int structureCount() {
    return structures.size();
  }

  EncodedTrial get(Trial trial) {
    int number = trial.number();
    boolean inArray = number >= 0 && number < ARRAY_LIMIT;
    EncodedTrial e = inArray ? (number < byNumber.length ? byNumber[number] : null) : sparse.get(number);
    if (e != null) {
      return e;
    }
    e = encode(trial);
    if (inArray) {
      if (number >= byNumber.length) {
        byNumber = Arrays.copyOf(byNumber, Math.max(number + 1, 2 * byNumber.length));
      }
      byNumber[number] = e;
    } else {
      sparse.put(number, e);
    }
    return e;
  }

  private EncodedTrial encode(Trial trial) {
    double[] unit = space.encode(trial.config());
    int[] level = new int[unit.length];
    BitSet active = new BitSet(unit.length);
    for (int i = 0; i < unit.length; i++) {
      boolean on = !Double.isNaN(unit[i]);
      level[i] = on ? dims[i].level(unit[i]) : -1;
      active.set(i, on);
    }
    Integer id = structureIds.get(active);
    if (id == null) {
      id = structures.size();
      structures.add(active);
      structureIds.put(active, id);
    }
    return new EncodedTrial(trial.number(), unit, level, structures.get(id), id);
  }
}
