package dev.asap.store;

import dev.asap.trial.Direction;
import dev.asap.trial.StudyInfo;
import dev.asap.trial.TrialState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** A store that lives as long as the process: for tests, benchmarks and throw-away studies. */
public final class InMemoryStore implements StudyStore {
  private final Map<String, StudyInfo> studies = new LinkedHashMap<>();
  private final Map<Long, List<StoredTrial>> trials = new LinkedHashMap<>();
  /** Per study: the revision at which each trial (by number) was last written, and the latest revision. */
  private final Map<Long, List<Long>> revisions = new LinkedHashMap<>();
  private final Map<Long, Long> latest = new LinkedHashMap<>();

  @Override
  public synchronized StudyInfo createOrOpen(String name, Direction direction, String spaceJson) {
    StudyInfo existing = studies.get(name);
    if (existing != null) {
      StoreChecks.requireSame(existing, direction, spaceJson);
      return existing;
    }
    StudyInfo info = new StudyInfo(studies.size() + 1L, name, direction, spaceJson, System.currentTimeMillis() / 1e3);
    studies.put(name, info);
    trials.put(info.id(), new ArrayList<>());
    revisions.put(info.id(), new ArrayList<>());
    latest.put(info.id(), 0L);
    return info;
  }

  @Override
  public synchronized Optional<StudyInfo> find(String name) {
    return Optional.ofNullable(studies.get(name));
  }

  @Override
  public synchronized boolean delete(String name) {
    StudyInfo info = studies.remove(name);
    if (info == null) {
      return false;
    }
    trials.remove(info.id());
    revisions.remove(info.id());
    latest.remove(info.id());
    return true;
  }

  @Override
  public synchronized List<StudyInfo> list() {
    return List.copyOf(studies.values());
  }

  @Override
  public synchronized Optional<StoredTrial> startWithinBudget(long studyId, NewTrial t, int budget) {
    long counted = trialsOf(studyId).stream().filter(InMemoryStore::countsAgainstBudget).count();
    return counted >= budget ? Optional.empty() : Optional.of(start(studyId, t));
  }

  private static boolean countsAgainstBudget(StoredTrial t) {
    return t.state() != TrialState.INTERRUPTED
        && !(t.state() == TrialState.FAILED && Boolean.TRUE.equals(t.attributes().get("interrupted")));
  }

  @Override
  public synchronized StoredTrial start(long studyId, NewTrial t) {
    List<StoredTrial> list = trialsOf(studyId);
    StoredTrial stored = new StoredTrial(list.size(), Map.copyOf(t.config()), TrialState.RUNNING, null, null, t.tool(),
        t.worker(), t.owner(), new TreeMap<>(), t.askSeconds(), 0, 0, t.start(), Double.NaN, t.heartbeat(),
        new LinkedHashMap<>(t.attributes()));
    list.add(stored);
    revisions.get(studyId).add(0L);
    touch(studyId, stored.number());
    return stored;
  }

  @Override
  public synchronized void reportIntermediate(long studyId, int number, long step, double value) {
    StoredTrial t = get(studyId, number);
    TreeMap<Long, Double> values = new TreeMap<>(t.intermediate());
    values.put(step, value);
    replace(studyId, new StoredTrial(t.number(), t.config(), t.state(), t.value(), t.error(), t.tool(), t.worker(),
        t.owner(), values, t.askSeconds(), t.evalSeconds(), t.tellSeconds(), t.start(), t.end(), t.heartbeat(),
        t.attributes()));
  }

  @Override
  public synchronized boolean finish(long studyId, int number, Outcome o) {
    StoredTrial t = get(studyId, number);
    if (t.state() != TrialState.RUNNING) {
      return false;
    }
    Map<String, Object> attrs = new LinkedHashMap<>(t.attributes());
    attrs.putAll(o.attributes());
    replace(studyId, new StoredTrial(t.number(), t.config(), o.state(), o.value(), o.error(), t.tool(), t.worker(),
        t.owner(), t.intermediate(), t.askSeconds(), o.evalSeconds(), o.tellSeconds(), t.start(), o.end(),
        t.heartbeat(), attrs));
    return true;
  }

  @Override
  public synchronized void heartbeat(long studyId, List<Integer> numbers, double epochSeconds) {
    for (int n : numbers) {
      StoredTrial t = get(studyId, n);
      if (t.state() == TrialState.RUNNING) {
        replace(studyId, new StoredTrial(t.number(), t.config(), t.state(), t.value(), t.error(), t.tool(),
            t.worker(), t.owner(), t.intermediate(), t.askSeconds(), t.evalSeconds(), t.tellSeconds(), t.start(),
            t.end(), epochSeconds, t.attributes()));
      }
    }
  }

  @Override
  public synchronized TrialChanges changesSince(long studyId, long revision) {
    List<StoredTrial> list = trialsOf(studyId);
    List<Long> written = revisions.get(studyId);
    List<StoredTrial> changed = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      if (written.get(i) > revision) {
        changed.add(list.get(i));
      }
    }
    return new TrialChanges(changed, latest.get(studyId));
  }

  private void touch(long studyId, int number) {
    long next = latest.merge(studyId, 1L, Long::sum);
    revisions.get(studyId).set(number, next);
  }

  @Override
  public void close() {}

  private List<StoredTrial> trialsOf(long studyId) {
    List<StoredTrial> list = trials.get(studyId);
    if (list == null) {
      throw new StoreException("no study with id " + studyId + " in this store");
    }
    return list;
  }

  private StoredTrial get(long studyId, int number) {
    List<StoredTrial> list = trialsOf(studyId);
    if (number < 0 || number >= list.size()) {
      throw new StoreException("study " + studyId + " has no trial " + number);
    }
    return list.get(number);
  }

  private void replace(long studyId, StoredTrial t) {
    trialsOf(studyId).set(t.number(), t);
    touch(studyId, t.number());
  }
}
