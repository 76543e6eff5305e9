package dev.asap.bench.constrained.parallelism;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The published formulas, term by term, on OPT-13B (s = 2048, h = 5120, a = 40). */
class MemoryModelTest {
  private static final GptModel MODEL = GptModel.opt13b();
  private static final TrainingJob JOB = new TrainingJob(MODEL, GpuCluster.dgxA100(8), 512);
  private static final double SBH = 2048.0 * 5120;

  @Test
  void modelStatesFollowZero() {
    double psi = 1e9;
    assertThat(MemoryModel.modelStateBytes(psi, 0, 64)).isEqualTo(16e9);
    assertThat(MemoryModel.modelStateBytes(psi, 1, 64)).isEqualTo(4e9 + 12e9 / 64);
    assertThat(MemoryModel.modelStateBytes(psi, 2, 64)).isEqualTo(2e9 + 14e9 / 64);
    assertThat(MemoryModel.modelStateBytes(psi, 3, 64)).isEqualTo(16e9 / 64);
  }

  @Test
  void activationsPerLayerFollowKorthikantiTable2() {
    double attention = 5.0 * 40 * 2048 / 5120;
    assertThat(layer(1, false, Recomputation.NONE)).isCloseTo(SBH * (34 + attention), within(1.0));
    assertThat(layer(4, false, Recomputation.NONE)).isCloseTo(SBH * (10 + 24 / 4.0 + attention / 4), within(1.0));
    assertThat(layer(4, true, Recomputation.NONE)).isCloseTo(SBH * (34 / 4.0 + attention / 4), within(1.0));
    assertThat(layer(4, false, Recomputation.SELECTIVE)).isCloseTo(SBH * (10 + 24 / 4.0), within(1.0));
    assertThat(layer(4, true, Recomputation.SELECTIVE)).isCloseTo(SBH * 34 / 4.0, within(1.0));
    assertThat(layer(4, true, Recomputation.FULL)).isCloseTo(2 * SBH, within(1.0));
  }

  @Test
  void theFirstStageHoldsAsManyMicroBatchesAsStages() {
    ParallelPlan eightStages = new ParallelPlan(1, 8, 1, Recomputation.FULL, 1, false, 1);
    double perLayer = 2 * SBH;
    // 64 micro-batches per pipeline, so 8 in flight on the first stage: all 40 layers' worth; 1 on the last.
    assertThat(MemoryModel.activationBytes(JOB, eightStages, 0)).isCloseTo(40 * perLayer, within(1.0));
    double logits = 4 * 2048.0 * (5120 + 50_272);
    assertThat(MemoryModel.activationBytes(JOB, eightStages, 7)).isCloseTo(5 * perLayer + logits, within(1.0));
    ParallelPlan interleaved = new ParallelPlan(1, 8, 1, Recomputation.FULL, 1, false, 2);
    assertThat(MemoryModel.activationBytes(JOB, interleaved, 0))
        .isCloseTo(40 * perLayer * (1 + 7.0 / 16), within(1.0));
  }

  @Test
  void theEmbeddingsSitOnTheFirstStageAndTheirCopyOnTheLast() {
    ParallelPlan one = new ParallelPlan(1, 1, 1, Recomputation.FULL, 0, false, 1);
    assertThat(MemoryModel.stageParameters(MODEL, one, 0)).isEqualTo(MODEL.parameters());
    ParallelPlan two = new ParallelPlan(1, 2, 1, Recomputation.FULL, 0, false, 1);
    assertThat(MemoryModel.stageParameters(MODEL, two, 0) + MemoryModel.stageParameters(MODEL, two, 1))
        .isCloseTo(MODEL.parameters() + 50_272.0 * 5120, within(1.0));
    assertThat(MODEL.parameters()).isBetween(12.8e9, 12.9e9);
    assertThat(GptModel.opt30b().parameters()).isBetween(29.9e9, 30.0e9);
  }

  private static double layer(int tp, boolean sequenceParallel, Recomputation r) {
    return MemoryModel.layerActivationBytes(MODEL, new ParallelPlan(tp, 1, 1, r, 1, sequenceParallel, 1));
  }
}
