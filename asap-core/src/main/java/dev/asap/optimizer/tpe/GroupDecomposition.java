package dev.asap.optimizer.tpe;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Optuna's group decomposition ({@code group=True}, {@code _SearchSpaceGroup}): the coarsest partition of
 * the parameters such that every observed set of active parameters is a union of groups. Two parameters
 * share a group exactly when they were active in the same trials' structures, so each group can get its own
 * multivariate estimator fitted on the trials where the whole group is active.
 */
final class GroupDecomposition {
  private GroupDecomposition() {}

  /**
   * Groups of parameter indices (ascending), ordered by their first parameter. Parameters never active in
   * {@code trials} form one more group, which has no observations and so is sampled from the prior.
   */
  static List<int[]> of(List<EncodedTrial> trials, int dimension) {
    // Distinct structures in order of first appearance; trials share BitSet instances per structure id.
    Map<Integer, BitSet> structures = new LinkedHashMap<>();
    for (EncodedTrial t : trials) {
      structures.putIfAbsent(t.structure(), t.active());
    }
    List<BitSet> distinct = new ArrayList<>(structures.values());
    Map<BitSet, List<Integer>> bySignature = new LinkedHashMap<>();
    for (int p = 0; p < dimension; p++) {
      BitSet signature = new BitSet(distinct.size());
      for (int s = 0; s < distinct.size(); s++) {
        if (distinct.get(s).get(p)) {
          signature.set(s);
        }
      }
      bySignature.computeIfAbsent(signature, k -> new ArrayList<>()).add(p);
    }
    List<int[]> groups = new ArrayList<>(bySignature.size());
    for (List<Integer> members : bySignature.values()) {
      groups.add(members.stream().mapToInt(Integer::intValue).toArray());
    }
    return groups;
  }
}
