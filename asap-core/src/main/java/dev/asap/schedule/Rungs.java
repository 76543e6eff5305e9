package dev.asap.schedule;

import dev.asap.trial.Direction;
import dev.asap.trial.Trial;
import dev.asap.trial.TrialState;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The scheduling attributes a trial carries, and the questions schedulers ask of them. A scheduled trial
 * records its {@value #BUDGET} (the fidelity value it ran at), its {@value #RUNG} (index into
 * {@link Fidelity#rungs()}), for Hyperband its {@value #BRACKET}, and when it re-runs an earlier config at a
 * higher budget, {@value #PROMOTED_FROM} (that trial's number).
 */
public final class Rungs {
  public static final String BUDGET = "fidelity";
  public static final String RUNG = "rung";
  public static final String BRACKET = "bracket";
  public static final String PROMOTED_FROM = "promoted_from";
  public static final String REASON = "schedule";

  private Rungs() {}

  public static OptionalInt rung(Trial t) {
    return intAttribute(t, RUNG);
  }

  public static OptionalInt bracket(Trial t) {
    return intAttribute(t, BRACKET);
  }

  public static OptionalInt promotedFrom(Trial t) {
    return intAttribute(t, PROMOTED_FROM);
  }

  /** Numbers of the trials that some later trial was promoted from. */
  public static Set<Integer> promoted(List<Trial> trials) {
    Set<Integer> out = new HashSet<>();
    for (Trial t : trials) {
      promotedFrom(t).ifPresent(out::add);
    }
    return out;
  }

  /** Complete trials first, best first; then every other finished trial (they rank below any result). */
  public static Comparator<Trial> bestFirst(Direction direction) {
    return Comparator.comparingInt((Trial t) -> t.state() == TrialState.COMPLETE ? 0 : 1)
        .thenComparingDouble(t -> t.state() == TrialState.COMPLETE ? loss(t.value(), direction) : 0);
  }

  static double loss(double value, Direction direction) {
    return direction == Direction.MINIMIZE ? value : -value;
  }

  /** A trial's notes for one rung: its budget and rung, plus more (bracket, reason). */
  static Map<String, Object> notes(Fidelity fidelity, int rung, Map<String, Object> more) {
    Map<String, Object> notes = new LinkedHashMap<>();
    notes.put(BUDGET, fidelity.value(fidelity.rungs().get(rung)));
    notes.put(RUNG, rung);
    notes.putAll(more);
    return notes;
  }

  /** A trial that counts at its rung: it ended, and not because its run was interrupted. */
  static boolean counts(Trial t) {
    return t.state() != TrialState.RUNNING && !t.wasInterrupted();
  }

  private static OptionalInt intAttribute(Trial t, String key) {
    Object v = t.attributes().get(key);
    return v instanceof Number n ? OptionalInt.of(n.intValue()) : OptionalInt.empty();
  }
}
