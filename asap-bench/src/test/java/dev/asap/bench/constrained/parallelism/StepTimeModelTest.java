package dev.asap.bench.constrained.parallelism;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class StepTimeModelTest {
  private static final GptModel MODEL = GptModel.opt13b();
  private static final TrainingJob JOB = new TrainingJob(MODEL, GpuCluster.dgxA100(8), 512);

  @Test
  void trainingFlopsAreAboutSixPerParameterAndTokenAndFullRecomputationAddsAThird() {
    double tokens = 512.0 * 2048;
    double none = MODEL.trainingFlops(512, Recomputation.NONE);
    assertThat(none / (6 * MODEL.parameters() * tokens)).isBetween(1.0, 1.1);
    double layers = none - 3 * 2.0 * tokens * 5120 * 50_272;
    assertThat(MODEL.trainingFlops(512, Recomputation.FULL) - none).isCloseTo(layers / 3, within(1e6));
    assertThat(MODEL.trainingFlops(512, Recomputation.SELECTIVE)).isBetween(none, none * 1.05);
  }

  @Test
  void withFreeCommunicationOnlyThePipelineBubbleIsAdded() {
    GpuCluster freeLinks = new GpuCluster(64, 8, 80 * GpuCluster.GIB, 312e12, Double.POSITIVE_INFINITY,
        Double.POSITIVE_INFINITY);
    TrainingJob job = new TrainingJob(MODEL, freeLinks, 512);
    double flat = StepTimeModel.stepSeconds(job, plan(1, 1, 1));
    // 8 stages leave 8 replicas, 64 micro-batches each: a bubble of 7/64, halved by two virtual stages.
    assertThat(StepTimeModel.stepSeconds(job, plan(1, 8, 1)) / flat).isCloseTo(1 + 7.0 / 64, within(1e-12));
    assertThat(StepTimeModel.stepSeconds(job, plan(1, 8, 2)) / flat).isCloseTo(1 + 7.0 / 128, within(1e-12));
  }

  @Test
  void smallerGemmsAreLessEfficient() {
    double wide = StepTimeModel.efficiency(MODEL, new ParallelPlan(8, 1, 1, Recomputation.FULL, 1, true, 1));
    double narrow = StepTimeModel.efficiency(MODEL, new ParallelPlan(1, 1, 8, Recomputation.FULL, 1, false, 1));
    assertThat(wide).isLessThan(narrow);
    assertThat(narrow).isLessThanOrEqualTo(StepTimeModel.MAX_EFFICIENCY);
  }

  @Test
  void tensorParallelismPaysForItsAllReducesAndZero3ForItsGathers() {
    ParallelPlan tp8 = new ParallelPlan(8, 1, 1, Recomputation.FULL, 1, true, 1);
    assertThat(StepTimeModel.tensorParallelSeconds(MODEL, JOB.cluster(), tp8)).isPositive();
    assertThat(StepTimeModel.tensorParallelSeconds(MODEL, JOB.cluster(), plan(1, 1, 1))).isZero();
    ParallelPlan zero1 = new ParallelPlan(1, 1, 1, Recomputation.FULL, 1, false, 1);
    ParallelPlan zero3 = new ParallelPlan(1, 1, 1, Recomputation.FULL, 3, false, 1);
    assertThat(StepTimeModel.stepSeconds(JOB, zero3)).isGreaterThan(StepTimeModel.stepSeconds(JOB, zero1));
  }

  private static ParallelPlan plan(int tp, int pp, int virtualStages) {
    return new ParallelPlan(tp, pp, 1, Recomputation.FULL, 1, false, virtualStages);
  }
}
