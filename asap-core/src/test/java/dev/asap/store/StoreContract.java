package dev.asap.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.asap.store.StudyStore.NewTrial;
import dev.asap.store.StudyStore.Outcome;
import dev.asap.store.StudyStore.StoredTrial;
import dev.asap.trial.Direction;
import dev.asap.trial.StudyInfo;
import dev.asap.trial.TrialState;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The behaviour every {@link StudyStore} must have. Subclass it once per store. */
public abstract class StoreContract {
  protected static final String SPACE = "{\"x\":{\"type\":\"float\",\"low\":0.0,\"high\":1.0}}";
  protected StudyStore store;

  /** A fresh, empty store. */
  protected abstract StudyStore newStore() throws Exception;

  @BeforeEach
  void open() throws Exception {
    store = newStore();
  }

  @AfterEach
  void close() {
    store.close();
  }

  protected static NewTrial newTrial(double x) {
    return new NewTrial(Map.of("x", x), "random", 0, "host:1", 0.25, 10.0, 100.0, Map.of("why", "test"));
  }

  protected static Outcome complete(double value) {
    return new Outcome(TrialState.COMPLETE, value, null, 2.0, 0.5, 12.0, Map.of());
  }

  @Test
  void createsAndReopensAStudy() {
    StudyInfo a = store.createOrOpen("s", Direction.MINIMIZE, SPACE);
    StudyInfo b = store.createOrOpen("s", Direction.MINIMIZE, SPACE);
    assertThat(b.id()).isEqualTo(a.id());
    assertThat(b.name()).isEqualTo("s");
    assertThat(b.direction()).isEqualTo(Direction.MINIMIZE);
    assertThat(b.spaceJson()).isEqualTo(SPACE);
    assertThat(store.find("s")).contains(a);
    assertThat(store.find("nope")).isEmpty();
  }

  @Test
  void refusesToReopenWithAnotherDirectionOrSpace() {
    store.createOrOpen("s", Direction.MINIMIZE, SPACE);
    assertThatThrownBy(() -> store.createOrOpen("s", Direction.MAXIMIZE, SPACE))
        .isInstanceOf(StudyMismatchException.class).hasMessageContaining("direction");
    assertThatThrownBy(() -> store.createOrOpen("s", Direction.MINIMIZE, "{\"y\":{}}"))
        .isInstanceOf(StudyMismatchException.class).hasMessageContaining("search space");
  }

  @Test
  void keepsStudiesApart() {
    long a = store.createOrOpen("a", Direction.MINIMIZE, SPACE).id();
    long b = store.createOrOpen("b", Direction.MAXIMIZE, SPACE).id();
    store.start(a, newTrial(0.1));
    store.start(a, newTrial(0.2));
    store.start(b, newTrial(0.3));
    assertThat(store.trials(a)).hasSize(2);
    assertThat(store.trials(b)).hasSize(1);
    assertThat(store.trials(b).get(0).number()).isZero();
    assertThat(store.list()).extracting(StudyInfo::name).containsExactly("a", "b");
  }

  @Test
  void deletingAStudyRemovesItsTrialsAndLeavesOthers() {
    long a = store.createOrOpen("a", Direction.MINIMIZE, SPACE).id();
    long b = store.createOrOpen("b", Direction.MINIMIZE, SPACE).id();
    store.start(a, newTrial(0.1));
    store.reportIntermediate(a, 0, 1, 0.5);
    store.start(b, newTrial(0.2));

    assertThat(store.delete("a")).isTrue();
    assertThat(store.delete("a")).isFalse();
    assertThat(store.find("a")).isEmpty();
    assertThat(store.list()).extracting(StudyInfo::name).containsExactly("b");
    assertThat(store.trials(b)).hasSize(1);
    long again = store.createOrOpen("a", Direction.MINIMIZE, SPACE).id();
    assertThat(store.trials(again)).isEmpty();
  }

  @Test
  void theBudgetClaimCountsEveryTrialButInterruptedOnes() {
    long id = store.createOrOpen("s", Direction.MINIMIZE, SPACE).id();
    assertThat(store.startWithinBudget(id, newTrial(0.1), 2)).isPresent();
    assertThat(store.startWithinBudget(id, newTrial(0.2), 2)).isPresent();
    assertThat(store.startWithinBudget(id, newTrial(0.3), 2)).isEmpty();
    store.finish(id, 1, new Outcome(TrialState.INTERRUPTED, null, "stopped", 0, 0, 11, Map.of()));

    assertThat(store.startWithinBudget(id, newTrial(0.4), 2)).map(StoredTrial::number).contains(2);
    assertThat(store.startWithinBudget(id, newTrial(0.5), 2)).isEmpty();
  }

  @Test
  void concurrentBudgetClaimsNeverOvershoot() throws Exception {
    long id = store.createOrOpen("s", Direction.MINIMIZE, SPACE).id();
    int threads = 4;
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
    java.util.concurrent.atomic.AtomicInteger claimed = new java.util.concurrent.atomic.AtomicInteger();
    List<java.util.concurrent.Future<?>> futures = new java.util.ArrayList<>();
    for (int i = 0; i < threads; i++) {
      futures.add(pool.submit(() -> {
        for (int k = 0; k < 20; k++) {
          store.startWithinBudget(id, newTrial(k), 25).ifPresent(t -> claimed.incrementAndGet());
        }
      }));
    }
    for (java.util.concurrent.Future<?> f : futures) {
      f.get();
    }
    pool.shutdown();
    assertThat(claimed.get()).isEqualTo(25);
    assertThat(store.trials(id)).hasSize(25);
  }

  @Test
  void startRecordsEverythingAndNumbersFromZero() {
    long id = store.createOrOpen("s", Direction.MINIMIZE, SPACE).id();
    StoredTrial t0 = store.start(id, newTrial(0.5));
    StoredTrial t1 = store.start(id, newTrial(0.25));
    assertThat(t0.number()).isZero();
    assertThat(t1.number()).isEqualTo(1);
    StoredTrial read = store.trials(id).get(0);
    assertThat(read.state()).isEqualTo(TrialState.RUNNING);
    assertThat(((Number) read.config().get("x")).doubleValue()).isEqualTo(0.5);
    assertThat(read.tool()).isEqualTo("random");
    assertThat(read.owner()).isEqualTo("host:1");
    assertThat(read.askSeconds()).isEqualTo(0.25);
    assertThat(read.start()).isEqualTo(10.0);
    assertThat(read.end()).isNaN();
    assertThat(read.heartbeat()).isEqualTo(100.0);
    assertThat(read.value()).isNull();
    assertThat(read.attributes()).containsEntry("why", "test");
  }

  @Test
  void finishStoresTheOutcomeOnce() {
    long id = store.createOrOpen("s", Direction.MINIMIZE, SPACE).id();
    store.start(id, newTrial(0.5));
    assertThat(store.finish(id, 0, new Outcome(TrialState.COMPLETE, 1.5, null, 2.0, 0.5, 12.0,
        Map.of("cost", 3.0)))).isTrue();
    assertThat(store.finish(id, 0, new Outcome(TrialState.FAILED, null, "late", 0, 0, 13.0, Map.of()))).isFalse();
    StoredTrial t = store.trials(id).get(0);
    assertThat(t.state()).isEqualTo(TrialState.COMPLETE);
    assertThat(t.value()).isEqualTo(1.5);
    assertThat(t.evalSeconds()).isEqualTo(2.0);
    assertThat(t.tellSeconds()).isEqualTo(0.5);
    assertThat(t.end()).isEqualTo(12.0);
    assertThat(t.attributes()).containsEntry("why", "test").containsEntry("cost", 3.0);
  }

  @Test
  void keepsFailureReasonsAndPrunedTrials() {
    long id = store.createOrOpen("s", Direction.MINIMIZE, SPACE).id();
    store.start(id, newTrial(0.1));
    store.start(id, newTrial(0.2));
    store.finish(id, 0, new Outcome(TrialState.FAILED, null, "exit code 3: boom", 1, 0, 11, Map.of()));
    store.reportIntermediate(id, 1, 1, 0.9);
    store.finish(id, 1, new Outcome(TrialState.PRUNED, 0.9, "pruned at step 1", 1, 0, 11, Map.of()));
    List<StoredTrial> ts = store.trials(id);
    assertThat(ts.get(0).state()).isEqualTo(TrialState.FAILED);
    assertThat(ts.get(0).error()).isEqualTo("exit code 3: boom");
    assertThat(ts.get(0).value()).isNull();
    assertThat(ts.get(1).state()).isEqualTo(TrialState.PRUNED);
    assertThat(ts.get(1).value()).isEqualTo(0.9);
  }

  @Test
  void keepsIntermediateValuesByStep() {
    long id = store.createOrOpen("s", Direction.MINIMIZE, SPACE).id();
    store.start(id, newTrial(0.1));
    store.reportIntermediate(id, 0, 3, 0.3);
    store.reportIntermediate(id, 0, 1, 0.1);
    store.reportIntermediate(id, 0, 3, 0.25);
    assertThat(store.trials(id).get(0).intermediate()).containsExactly(Map.entry(1L, 0.1), Map.entry(3L, 0.25));
  }

  @Test
  void heartbeatTouchesOnlyRunningTrials() {
    long id = store.createOrOpen("s", Direction.MINIMIZE, SPACE).id();
    store.start(id, newTrial(0.1));
    store.start(id, newTrial(0.2));
    store.finish(id, 1, complete(1.0));
    store.heartbeat(id, List.of(0, 1), 200.0);
    assertThat(store.trials(id).get(0).heartbeat()).isEqualTo(200.0);
    assertThat(store.trials(id).get(1).heartbeat()).isEqualTo(100.0);
  }

  @Test
  void changesSinceReturnsOnlyWhatWasWrittenAfterARevision() {
    long id = store.createOrOpen("s", Direction.MINIMIZE, SPACE).id();
    store.start(id, newTrial(0.1));
    store.start(id, newTrial(0.2));
    StudyStore.TrialChanges all = store.changesSince(id, 0);
    assertThat(all.trials()).extracting(StoredTrial::number).containsExactly(0, 1);
    assertThat(store.changesSince(id, all.revision()).trials()).isEmpty();

    store.finish(id, 1, complete(2.0));
    StudyStore.TrialChanges afterFinish = store.changesSince(id, all.revision());
    assertThat(afterFinish.trials()).extracting(StoredTrial::number).containsExactly(1);
    assertThat(afterFinish.trials().get(0).state()).isEqualTo(TrialState.COMPLETE);
    assertThat(afterFinish.revision()).isGreaterThan(all.revision());

    store.reportIntermediate(id, 0, 5, 0.5);
    store.start(id, newTrial(0.3));
    StudyStore.TrialChanges later = store.changesSince(id, afterFinish.revision());
    assertThat(later.trials()).extracting(StoredTrial::number).containsExactly(0, 2);
    assertThat(later.trials().get(0).intermediate()).containsEntry(5L, 0.5);

    store.heartbeat(id, List.of(0), 300.0);
    assertThat(store.changesSince(id, later.revision()).trials()).extracting(StoredTrial::number).containsExactly(0);
    assertThat(store.trials(id)).hasSize(3);
  }

  @Test
  void concurrentStartsGetDistinctNumbers() throws Exception {
    long id = store.createOrOpen("s", Direction.MINIMIZE, SPACE).id();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<Integer>> futures = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      double x = i / 40.0;
      futures.add(pool.submit(() -> {
        StoredTrial t = store.start(id, newTrial(x));
        store.finish(id, t.number(), complete(x));
        return t.number();
      }));
    }
    List<Integer> numbers = Collections.synchronizedList(new ArrayList<>());
    for (Future<Integer> f : futures) {
      numbers.add(f.get(60, TimeUnit.SECONDS));
    }
    pool.shutdown();
    assertThat(new HashSet<>(numbers)).hasSize(40);
    assertThat(store.trials(id)).hasSize(40).allMatch(t -> t.state() == TrialState.COMPLETE);
  }
}
