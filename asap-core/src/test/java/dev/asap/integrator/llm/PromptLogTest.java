package dev.asap.integrator.llm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asap.optimizer.MixedSpaceFixture;
import dev.asap.tools.Optimizers;
import dev.asap.optimizer.Proposal;
import dev.asap.store.InMemoryStore;
import dev.asap.trial.Direction;
import dev.asap.study.Study;
import dev.asap.trial.Trial;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PromptLogTest {

  private static PromptLog log() {
    return new PromptLog("mixed test", MixedSpaceFixture.SPACE, Optimizers.toolNames(), true);
  }

  @Test
  void eachRoundsPrefixExtendsThePreviousOneEvenWhenTrialsFinishOutOfOrder() {
    Study study = Study.createOrOpen(new InMemoryStore(), "p", MixedSpaceFixture.SPACE, Direction.MINIMIZE);
    var random = Optimizers.create("random", MixedSpaceFixture.SPACE, 1);
    PromptLog log = log();
    List<Trial> running = new ArrayList<>();
    String previous = log.prefix();
    for (int round = 0; round < 30; round++) {
      running.add(study.ask(random));
      running.add(study.ask(random));
      // Finish the newer of the two first: completions arrive out of order.
      Trial late = running.remove(running.size() - 1);
      study.tell(late.number(), MixedSpaceFixture.loss(late.config()));
      if (round % 3 == 2) {
        Trial failed = running.remove(0);
        study.fail(failed.number(), "crashed");
      }
      log.update(study.history());
      String now = log.prefix();
      assertThat(now).startsWith(previous);
      previous = now;
    }
    assertThat(log.historyLines()).isEqualTo((int) study.trials().stream().filter(t -> t.state().isFinished()).count());
    assertThat(log.prefix()).contains(" failed ").doesNotContain("RUNNING");
  }

  @Test
  void aLongStudyIsRewrittenIntoASummaryOnceTheBudgetIsReachedAndStaysWithinIt() {
    Study study = Study.createOrOpen(new InMemoryStore(), "p", MixedSpaceFixture.SPACE, Direction.MINIMIZE);
    var random = Optimizers.create("random", MixedSpaceFixture.SPACE, 1);
    PromptLog log = new PromptLog("long", MixedSpaceFixture.SPACE, Optimizers.toolNames(), true, 3000);
    String previous = log.prefix();
    int rewritesSeen = 0;
    double best = Double.POSITIVE_INFINITY;
    for (int i = 0; i < 300; i++) {
      Trial t = study.ask(random);
      double loss = MixedSpaceFixture.loss(t.config());
      best = Math.min(best, loss);
      study.tell(t.number(), loss);
      log.update(study.history());
      String now = log.prefix();
      if (log.rewrites() == rewritesSeen) {
        assertThat(now).startsWith(previous); // stable between rewrites
      }
      rewritesSeen = log.rewrites();
      assertThat(now.length() - log.prefix().indexOf("History (")).isLessThan(3000 + 200);
      previous = now;
    }
    assertThat(log.rewrites()).isBetween(2, 300 / 10);
    assertThat(log.prefix()).contains("Summary of trials #0 to #").contains(PromptLog.number(best));
    assertThat(log.historyLines()).isEqualTo(300);
  }

  @Test
  void promptsAreDeterministicAndEndWithTheCandidatesAndTheQuestion() {
    Study study = Study.createOrOpen(new InMemoryStore(), "p", MixedSpaceFixture.SPACE, Direction.MINIMIZE);
    var sobol = Optimizers.create("sobol", MixedSpaceFixture.SPACE, 2);
    for (int i = 0; i < 5; i++) {
      Trial t = study.ask(sobol);
      study.tell(t.number(), MixedSpaceFixture.loss(t.config()));
    }
    List<Proposal> candidates = List.of(sobol.propose(study.history()),
        Optimizers.create("random", MixedSpaceFixture.SPACE, 3).propose(study.history()));
    PromptLog a = log();
    PromptLog b = log();
    a.update(study.history());
    b.update(study.history());
    String prompt = a.prompt(candidates, List.of("A", "B"));
    assertThat(prompt).isEqualTo(b.prompt(candidates, List.of("A", "B")));
    assertThat(prompt).startsWith(a.prefix());
    assertThat(prompt.substring(a.prefix().length())).startsWith("Candidates this round:\nA: tool=sobol")
        .contains("\nB: tool=random").endsWith("Answer with JSON only.");
    assertThat(a.prefix()).contains("momentum: float in [0, 1], only when opt in [sgd, rmsprop]")
        .contains("lr: float in [1.00000e-05, 1] log").contains("#4 sobol ");
  }

  @Test
  void numbersPrintTheSameWhateverTheLocale() {
    java.util.Locale before = java.util.Locale.getDefault();
    try {
      java.util.Locale.setDefault(java.util.Locale.GERMANY);
      assertThat(PromptLog.number(0.123456789)).isEqualTo("0.123457");
      assertThat(PromptLog.number(3.0)).isEqualTo("3");
    } finally {
      java.util.Locale.setDefault(before);
    }
  }
}
