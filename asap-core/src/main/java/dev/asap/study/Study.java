package dev.asap.study;

import dev.asap.trial.Trial;
import dev.asap.trial.TrialState;
import dev.asap.trial.TrialTimings;
import dev.asap.trial.Direction;
import dev.asap.trial.Owner;
import dev.asap.trial.StudyInfo;
import dev.asap.optimizer.History;
import dev.asap.optimizer.Optimizer;
import dev.asap.optimizer.Proposal;
import dev.asap.space.Config;
import dev.asap.space.SearchSpace;
import dev.asap.space.format.SpaceFormat;
import dev.asap.store.StoreException;
import dev.asap.store.StudyStore;
import dev.asap.store.StudyStore.NewTrial;
import dev.asap.store.StudyStore.Outcome;
import dev.asap.store.StudyStore.StoredTrial;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A named optimisation held by a store: its space, its direction and its trials. This is the library's
 * ask/tell API; the run loop uses the same methods.
 *
 * <pre>
 * Study study = Study.createOrOpen(store, "demo", space, Direction.MINIMIZE);
 * Trial t = study.ask(optimizer);
 * study.tell(t.number(), train(t.config()));
 * </pre>
 */
public final class Study {
  private final StudyStore store;
  private final StudyInfo info;
  private final SearchSpace space;
  /** Trials read so far, by number, and the store revision they are current to. */
  private final java.util.TreeMap<Integer, Trial> cache = new java.util.TreeMap<>();
  private long revision;

  private Study(StudyStore store, StudyInfo info, SearchSpace space) {
    this.store = store;
    this.info = info;
    this.space = space;
  }

  /** Creates the study, or opens it when the store has one of that name with the same space and direction. */
  public static Study createOrOpen(StudyStore store, String name, SearchSpace space, Direction direction) {
    StudyInfo info = store.createOrOpen(name, direction, SpaceFormat.toJson(space));
    return new Study(store, info, space);
  }

  /** Opens a stored study with the space it was created with. */
  public static Study load(StudyStore store, String name) {
    StudyInfo info = store.find(name).orElseThrow(() -> new NoSuchStudyException("no study named '" + name
        + "' in this store" + knownStudies(store)));
    return new Study(store, info, SpaceFormat.fromJson(info.spaceJson()));
  }

  private static String knownStudies(StudyStore store) {
    List<StudyInfo> all = store.list();
    return all.isEmpty() ? " (it holds no studies)"
        : "; it holds " + all.stream().map(StudyInfo::name).collect(Collectors.joining(", "));
  }

  public String name() {
    return info.name();
  }

  public Direction direction() {
    return info.direction();
  }

  public SearchSpace space() {
    return space;
  }

  public StudyInfo info() {
    return info;
  }

  /**
   * Every trial, current with the store (other processes may share the study). Only trials written since
   * the last call are read and converted, so a round costs what changed, not the study's size.
   */
  public synchronized List<Trial> trials() {
    StudyStore.TrialChanges changes = store.changesSince(info.id(), revision);
    for (StoredTrial s : changes.trials()) {
      cache.put(s.number(), toTrial(s));
    }
    revision = changes.revision();
    return List.copyOf(cache.values());
  }

  public History history() {
    return new History(space, info.direction(), trials());
  }

  /** The best complete trial, if any. */
  public Optional<Trial> best() {
    return best(trials(), info.direction());
  }

  public static Optional<Trial> best(List<Trial> trials, Direction direction) {
    return trials.stream()
        .filter(Trial::isComplete)
        .min(Comparator.comparingDouble((Trial t) -> direction.toLoss(t.value())).thenComparingInt(Trial::number));
  }

  /** Asks {@code optimizer} for a config and starts a trial for it (worker 0, real time). */
  public Trial ask(Optimizer optimizer) {
    long t0 = System.nanoTime();
    Proposal p = optimizer.propose(history());
    double seconds = (System.nanoTime() - t0) / 1e9;
    return start(p.withComputeSeconds(seconds), optimizer.name(), 0, System.currentTimeMillis() / 1e3);
  }

  /** Starts a trial for a config chosen by the caller (e.g. a known good default to enqueue). */
  public Trial enqueue(Config config) {
    return start(new Proposal(space.config(config.values()), "user", null, 0), "user", 0,
        System.currentTimeMillis() / 1e3);
  }

  /**
   * Records a proposal as a running trial. The trial keeps the proposing tool, the proposal's prediction and
   * notes, and the optimizer as run (which differs from the tool when a pool's judge chose the proposal).
   */
  public Trial start(Proposal proposal, String optimizer, int worker, double startTime) {
    return toTrial(store.start(info.id(), newTrial(proposal, optimizer, worker, startTime)));
  }

  private NewTrial newTrial(Proposal proposal, String optimizer, int worker, double startTime) {
    Map<String, Object> attributes = new java.util.LinkedHashMap<>(proposal.trialAttributes());
    attributes.put("optimizer", optimizer);
    return new NewTrial(proposal.config().values(), proposal.tool(), worker, Owner.current(),
        proposal.computeSeconds(), startTime, System.currentTimeMillis() / 1e3, attributes);
  }

  /**
   * Records a proposal as a running trial as {@link #start} does, but only while the study holds fewer than
   * {@code budget} trials that count against a trial budget; the check and the insert are atomic in the store.
   *
   * @return the trial, or empty when the budget is spent (by this process or another)
   */
  public Optional<Trial> startWithinBudget(Proposal proposal, String optimizer, int worker, double startTime,
      int budget) {
    return store.startWithinBudget(info.id(), newTrial(proposal, optimizer, worker, startTime), budget)
        .map(this::toTrial);
  }

  public void report(int number, long step, double value) {
    store.reportIntermediate(info.id(), number, step, value);
  }

  /** Completes a trial with its objective value (real time, no timings). */
  public void tell(int number, double value) {
    if (!Double.isFinite(value)) {
      fail(number, "objective value is " + value + " (not a finite number)");
      return;
    }
    finish(number, new Outcome(TrialState.COMPLETE, value, null, 0, 0, System.currentTimeMillis() / 1e3, Map.of()));
  }

  /**
   * Ends a trial as infeasible: its config cannot be run (out of memory, say). Unlike a failure, this is a
   * result the optimizers learn from.
   */
  public void tellInfeasible(int number, String reason) {
    finish(number, new Outcome(TrialState.INFEASIBLE, null, reason == null || reason.isBlank() ? "infeasible" : reason,
        0, 0, System.currentTimeMillis() / 1e3, Map.of()));
  }

  public void fail(int number, String reason) {
    finish(number, new Outcome(TrialState.FAILED, null, reason, 0, 0, System.currentTimeMillis() / 1e3, Map.of()));
  }

  /** @return false when the trial had already ended (e.g. another process declared it dead) */
  public boolean finish(int number, Outcome outcome) {
    return store.finish(info.id(), number, outcome);
  }

  public void heartbeat(List<Integer> numbers) {
    store.heartbeat(info.id(), numbers, System.currentTimeMillis() / 1e3);
  }

  private Trial toTrial(StoredTrial s) {
    Config config;
    try {
      config = space.config(s.config());
    } catch (IllegalArgumentException e) {
      throw new StoreException("trial " + s.number() + " of study '" + info.name() + "' holds a config that does not "
          + "fit the study's space: " + e.getMessage());
    }
    return new Trial(s.number(), config, s.state(), s.value(), s.error(), s.tool(), s.worker(), s.owner(),
        s.intermediate(), new TrialTimings(s.askSeconds(), s.evalSeconds(), s.tellSeconds()), s.start(), s.end(),
        s.heartbeat(), s.attributes());
  }
}
