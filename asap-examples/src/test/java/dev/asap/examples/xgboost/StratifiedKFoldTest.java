package dev.asap.examples.xgboost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class StratifiedKFoldTest {
  private static final Dataset DATA = CsvDatasetLoader.fromClasspath(TrainXgboost.DATASET);

  @Test
  void shippedDatasetHasTheExpectedShape() {
    assertThat(DATA.rows()).isEqualTo(569);
    assertThat(DATA.columns()).isEqualTo(30);
    assertThat(DATA.classNames()).containsExactly("malignant", "benign");
    assertThat(positives(DATA.labels(), IntStream.range(0, 569).toArray())).isEqualTo(357);
  }

  @Test
  void foldsPartitionTheRowsAndKeepClassProportions() {
    StratifiedKFold folds = StratifiedKFold.split(DATA.labels(), 5, 0);
    int[] seen = new int[DATA.rows()];
    for (int k = 0; k < 5; k++) {
      int[] valid = folds.validationRows(k);
      int[] train = folds.trainingRows(k);
      assertThat(valid.length + train.length).isEqualTo(DATA.rows());
      assertThat(valid.length).isBetween(113, 114);
      // 357 of 569 rows are benign: 71 or 72 per fold of 113-114 rows.
      assertThat(positives(DATA.labels(), valid)).isBetween(71, 72);
      Arrays.stream(valid).forEach(r -> seen[r]++);
      assertThat(train).doesNotContain(valid);
    }
    assertThat(seen).containsOnly(1);
  }

  @Test
  void assignmentDependsOnlyOnTheSeed() {
    StratifiedKFold a = StratifiedKFold.split(DATA.labels(), 5, 3);
    StratifiedKFold b = StratifiedKFold.split(DATA.labels(), 5, 3);
    StratifiedKFold c = StratifiedKFold.split(DATA.labels(), 5, 4);
    assertThat(b.validationRows(0)).isEqualTo(a.validationRows(0));
    assertThat(c.validationRows(0)).isNotEqualTo(a.validationRows(0));
  }

  @Test
  void rejectsMoreFoldsThanTheSmallestClassHasRows() {
    float[] labels = {0, 0, 1, 1, 1};
    assertThatThrownBy(() -> StratifiedKFold.split(labels, 3, 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("need 2 to 2");
  }

  private static int positives(float[] labels, int[] rows) {
    return (int) Arrays.stream(rows).filter(r -> labels[r] == 1f).count();
  }
}
