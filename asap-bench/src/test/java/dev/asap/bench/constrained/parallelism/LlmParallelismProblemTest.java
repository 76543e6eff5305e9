package dev.asap.bench.constrained.parallelism;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.asap.objective.Evaluation;
import dev.asap.space.Config;
import dev.asap.space.FloatParameter;
import dev.asap.space.SearchSpace;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LlmParallelismProblemTest {
  private static final int DRAWS = 10_000;

  @Test
  void mostUniformDrawsAreInfeasibleAndTheEnumeratedOptimumIsTheFastestFeasiblePlan() {
    for (LlmParallelismProblem p : LlmParallelismProblem.all()) {
      Random random = new Random(7);
      int infeasible = 0;
      for (int i = 0; i < DRAWS; i++) {
        Evaluation e = p.evaluate(p.space().sample(random));
        if (!e.isFeasible()) {
          infeasible++;
        } else {
          assertThat(e.value()).isGreaterThanOrEqualTo(p.optimum());
        }
      }
      assertThat((double) infeasible / DRAWS).as(p.name()).isBetween(0.70, 0.80);
      Evaluation best = p.evaluate(p.optimalConfig());
      assertThat(best.isFeasible()).isTrue();
      assertThat(best.value()).isEqualTo(p.optimum());
      assertThat(best.costSeconds()).isEqualTo(LlmParallelismProblem.PROFILE_SECONDS);
    }
  }

  @Test
  void theSpaceIsListedWithConditionsHonoured() {
    List<Config> all = FiniteSpaces.enumerate(LlmParallelismProblem.opt13b().space());
    // (1 + 3 tensor degrees x 2 sequence-parallel settings) x (1 + 4 pipeline degrees x 3 virtual-stage counts)
    // x 5 micro-batches x 3 recomputations x 4 ZeRO stages.
    assertThat(all).hasSize(7 * 13 * 5 * 3 * 4).doesNotHaveDuplicates();
    assertThat(all).filteredOn(c -> c.getInt("tensor_parallel") == 1).noneMatch(c -> c.has("sequence_parallel"));
    assertThatThrownBy(() -> FiniteSpaces.enumerate(SearchSpace.of(FloatParameter.of("x", 0, 1))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'x' is neither ordinal nor categorical");
  }

  @Test
  void infeasiblePlansSayWhyAndCostTheTimeToFindOut() {
    LlmParallelismProblem p = LlmParallelismProblem.opt13b();
    Evaluation wholeModel = p.evaluate(plan(p, 1, 1, 1, "none", 0));
    assertThat(wholeModel.infeasibleReason()).startsWith("out of memory: needs").endsWith("of 80 GiB per GPU");
    assertThat(wholeModel.costSeconds()).isEqualTo(LlmParallelismProblem.OUT_OF_MEMORY_SECONDS);
    Evaluation sixteenStages = p.evaluate(plan(p, 1, 16, 1, "full", 1, "virtual_stages", 1L));
    assertThat(sixteenStages.infeasibleReason()).isEqualTo("16 pipeline stages do not divide the 40 layers");
    assertThat(sixteenStages.costSeconds()).isEqualTo(LlmParallelismProblem.REJECTED_SECONDS);
    assertThat(p.evaluate(plan(p, 8, 16, 1, "full", 1, "sequence_parallel", true, "virtual_stages", 1L))
        .infeasibleReason()).isEqualTo("tensor x pipeline parallelism 8 x 16 does not divide the 64 GPUs");
    assertThat(p.evaluate(plan(p, 1, 2, 1, "full", 3, "virtual_stages", 1L)).infeasibleReason())
        .isEqualTo("ZeRO stage 3 cannot be combined with pipeline parallelism");
    assertThat(p.evaluate(plan(p, 1, 1, 16, "full", 3)).infeasibleReason())
        .isEqualTo("global batch 512 is not a multiple of micro-batch 16 x data parallelism 64");
    assertThat(p.evaluate(plan(p, 1, 4, 16, "full", 1, "virtual_stages", 2L)).infeasibleReason())
        .isEqualTo("the interleaved schedule needs the 2 micro-batches to be a multiple of the 4 pipeline stages");
  }

  @Test
  void tensorParallelismMustDivideTheHeadsAndStayInsideANode() {
    GptModel oddHeads = new GptModel("odd", 40, 5120, 52, 50_272, 2048);
    TrainingJob job = new TrainingJob(oddHeads, GpuCluster.dgxA100(8), 512);
    assertThat(PlanRules.rejection(job, new ParallelPlan(8, 1, 1, Recomputation.FULL, 1, false, 1)))
        .hasValue("tensor parallelism 8 does not divide the 52 attention heads");
    GpuCluster fourPerNode = new GpuCluster(64, 4, 80 * GpuCluster.GIB, 312e12, 300e9, 25e9);
    assertThat(PlanRules.rejection(new TrainingJob(GptModel.opt13b(), fourPerNode, 512),
        new ParallelPlan(8, 1, 1, Recomputation.FULL, 1, false, 1)))
        .hasValue("tensor parallelism 8 spans nodes of 4 GPUs");
  }

  private static Config plan(LlmParallelismProblem p, long tp, long pp, long microBatch, String recompute, long zero,
      Object... more) {
    Map<String, Object> raw = new java.util.LinkedHashMap<>(Map.of("tensor_parallel", tp, "pipeline_parallel", pp,
        "micro_batch", microBatch, "recompute", recompute, "zero_stage", zero));
    for (int i = 0; i < more.length; i += 2) {
      raw.put((String) more[i], more[i + 1]);
    }
    return p.space().config(raw);
  }
}
