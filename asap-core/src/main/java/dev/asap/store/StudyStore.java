package dev.asap.store;

import dev.asap.trial.Direction;
import dev.asap.trial.StudyInfo;
import dev.asap.trial.Trial;
import dev.asap.trial.TrialState;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Durable home of studies and their trials. Every implementation passes the same contract test suite
 * ({@code StoreContract}); writes are atomic, and several processes may share one store.
 *
 * <p>Configs travel as raw JSON-compatible maps: the store does not know search spaces, the
 * {@link dev.asap.study.Study} turns them into checked {@link dev.asap.space.Config}s.
 */
public interface StudyStore extends AutoCloseable {

  /**
   * Creates the study, or returns the stored one when the name exists.
   *
   * @throws StudyMismatchException when a stored study of that name has another direction or space
   */
  StudyInfo createOrOpen(String name, Direction direction, String spaceJson);

  Optional<StudyInfo> find(String name);

  /**
   * Removes the study with all its trials and intermediate values, in one transaction.
   *
   * @return false when there is no study of that name
   */
  boolean delete(String name);

  List<StudyInfo> list();

  /** Adds a RUNNING trial with the next free number (atomically, also across processes). */
  StoredTrial start(long studyId, NewTrial trial);

  /**
   * Adds a RUNNING trial as {@link #start} does, but only while the study holds fewer than {@code budget} trials
   * that count against a trial budget (all but interrupted ones, running ones included). Counting and adding
   * are one atomic step, also across processes, so processes sharing a study never overshoot its budget.
   *
   * @return the new trial, or empty when the budget is spent
   */
  Optional<StoredTrial> startWithinBudget(long studyId, NewTrial trial, int budget);

  void reportIntermediate(long studyId, int number, long step, double value);

  /**
   * Moves a RUNNING trial to a final state.
   *
   * @return false (and changes nothing) when the trial is no longer RUNNING, e.g. because another process
   *     already declared it dead
   */
  boolean finish(long studyId, int number, Outcome outcome);

  /** Refreshes the heartbeat of the given running trials. */
  void heartbeat(long studyId, List<Integer> numbers, double epochSeconds);

  /** Every trial of the study, by number. */
  default List<StoredTrial> trials(long studyId) {
    return changesSince(studyId, 0).trials();
  }

  /**
   * The trials written (started, reported, refreshed or finished) after {@code revision}, by number, and the
   * study's current revision to pass next time. Revision 0 gives every trial. This keeps each round of a
   * long study from re-reading all of its trials.
   */
  TrialChanges changesSince(long studyId, long revision);

  @Override
  void close();

  /** Trials changed since a revision, and the revision they bring the reader to. */
  record TrialChanges(List<StoredTrial> trials, long revision) {
    public TrialChanges {
      trials = List.copyOf(trials);
    }
  }

  /** What {@link #start} needs; the store assigns the number. */
  record NewTrial(
      Map<String, Object> config,
      String tool,
      int worker,
      String owner,
      double askSeconds,
      double start,
      double heartbeat,
      Map<String, Object> attributes) {}

  /** How a trial ended. {@code attributes} are merged into the stored ones. */
  record Outcome(
      TrialState state,
      Double value,
      String error,
      double evalSeconds,
      double tellSeconds,
      double end,
      Map<String, Object> attributes) {
    public Outcome {
      if (state == TrialState.RUNNING) {
        throw new IllegalArgumentException("an outcome cannot be RUNNING");
      }
    }
  }

  /** A trial as the store holds it: {@link Trial} with the config still raw. */
  record StoredTrial(
      int number,
      Map<String, Object> config,
      TrialState state,
      Double value,
      String error,
      String tool,
      int worker,
      String owner,
      java.util.SortedMap<Long, Double> intermediate,
      double askSeconds,
      double evalSeconds,
      double tellSeconds,
      double start,
      double end,
      double heartbeat,
      Map<String, Object> attributes) {}
}
