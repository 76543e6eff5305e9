package dev.asap.integrator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asap.optimizer.History;
import dev.asap.optimizer.MixedSpaceFixture;
import dev.asap.optimizer.Optimizer;
import dev.asap.tools.Optimizers;
import dev.asap.optimizer.Proposal;
import dev.asap.store.InMemoryStore;
import dev.asap.trial.Direction;
import dev.asap.study.Study;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RetiringToolTest {

  @Test
  void aRetiredToolIsNoLongerAskedByThePool() throws Exception {
    AtomicInteger asked = new AtomicInteger();
    Optimizer random = Optimizers.create("random", MixedSpaceFixture.SPACE, 1);
    Optimizer counting = new Optimizer() {
      @Override
      public String name() {
        return "slow-llm";
      }

      @Override
      public Proposal propose(History history) {
        asked.incrementAndGet();
        return new Proposal(random.propose(history).config(), name(), null, 0);
      }
    };
    ToolPool pool = new ToolPool(List.of(Optimizers.create("sobol", MixedSpaceFixture.SPACE, 2),
        new RetiringTool(counting)));
    History history = Study.createOrOpen(new InMemoryStore(), "r", MixedSpaceFixture.SPACE, Direction.MINIMIZE)
        .history();

    assertThat(pool.propose(history, false).proposals()).extracting(Proposal::tool)
        .containsExactly("sobol", "slow-llm");
    ToolPool.Round after = pool.propose(history, true);

    assertThat(after.proposals()).extracting(Proposal::tool).containsExactly("sobol");
    assertThat(after.proposers()).hasSize(1);
    assertThat(asked.get()).isEqualTo(1);
  }
}
