package dev.asap.optimizer.cmaes;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The members of one generation that have a result, in order of arrival. Members are sampled on demand, so
 * a generation may hand out more than lambda of them (asynchronous workers); it is told as soon as lambda
 * results are in, and later results of its members are injected into whichever generation is then current.
 */
final class Generation {
  private final long id;
  private final List<Member> members;
  private final List<Double> losses;
  /** Breaks ties between equal losses, lower first: how unlikely an infeasible member was to run. */
  private final List<Double> tieBreaks;
  private int fallbacks;

  Generation(long id) {
    this.id = id;
    this.members = new ArrayList<>();
    this.losses = new ArrayList<>();
    this.tieBreaks = new ArrayList<>();
  }

  /** A copy that records results on its own; members are immutable, so they are shared. */
  Generation(Generation other) {
    this.id = other.id;
    this.members = new ArrayList<>(other.members);
    this.losses = new ArrayList<>(other.losses);
    this.tieBreaks = new ArrayList<>(other.tieBreaks);
    this.fallbacks = other.fallbacks;
  }

  long id() {
    return id;
  }

  void record(Member m, double loss) {
    record(m, loss, 0);
  }

  /**
   * @param tieBreak orders members of equal loss (lower first): for infeasible members, which all share an
   *                 infinite loss, 1 − P(feasible), so that a generation that ran nothing still moves towards
   *                 where configs are likelier to run
   */
  void record(Member m, double loss, double tieBreak) {
    members.add(m);
    losses.add(loss);
    tieBreaks.add(tieBreak);
  }

  int results() {
    return members.size();
  }

  /** Counts a proposal that the distribution could not supply unseen (see {@link Termination}). */
  void countFallback() {
    fallbacks++;
  }

  int fallbacks() {
    return fallbacks;
  }

  /** Indices of the results, best first; failures (+infinity) last and ties by tie-break, then arrival order. */
  List<Integer> ranking() {
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < members.size(); i++) {
      order.add(i);
    }
    order.sort(Comparator.comparingDouble((Integer i) -> losses.get(i)).thenComparingDouble(tieBreaks::get));
    return order;
  }

  Member member(int i) {
    return members.get(i);
  }

  double loss(int i) {
    return losses.get(i);
  }
}
