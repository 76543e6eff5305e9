package dev.asap.optimizer.forest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asap.optimizer.MixedSpaceFixture;
import dev.asap.space.Config;
import dev.asap.space.SearchSpace;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ForestFeatureEncoderTest {
  private static final SearchSpace SPACE = MixedSpaceFixture.SPACE;
  private static final FeatureEncoder ENCODER = new FeatureEncoder(SPACE);

  @Test
  void imputesInactiveParametersOutsideTheirRange() {
    Config adam = SPACE.config(Map.of("x", 0.0, "lr", 0.01, "frac", 0.5, "layers", 2, "units", 64, "batch", 32,
        "opt", "adam"));
    double[] x = ENCODER.encode(adam);
    int momentum = SPACE.indexOf("momentum");
    int nesterov = SPACE.indexOf("nesterov");
    int opt = SPACE.indexOf("opt");
    assertThat(x[momentum]).isEqualTo(FeatureEncoder.INACTIVE);
    // A categorical with two choices is inactive as the extra third category.
    assertThat(x[nesterov]).isEqualTo(2);
    assertThat(x[opt]).isEqualTo(0);
    assertThat(ENCODER.isActive(momentum, x)).isFalse();
    assertThat(ENCODER.isActive(opt, x)).isTrue();
    assertThat(ENCODER.cardinalities()[opt]).isEqualTo(4);
    assertThat(ENCODER.cardinalities()[momentum]).isZero();
  }

  @Test
  void unitPointsEncodeLikeTheConfigsTheyDecodeTo() {
    Random r = new Random(8);
    for (int i = 0; i < 500; i++) {
      double[] u = new double[SPACE.dimension()];
      for (int j = 0; j < u.length; j++) {
        u[j] = r.nextDouble();
      }
      double[] direct = ENCODER.features(u);
      double[] viaConfig = ENCODER.encode(SPACE.decode(u));
      for (int j = 0; j < u.length; j++) {
        assertThat(direct[j]).as("point %d, parameter %d", i, j).isCloseTo(viaConfig[j],
            org.assertj.core.api.Assertions.within(1e-12));
      }
      // Moving one coordinate and updating gives the same as encoding from scratch.
      int k = r.nextInt(u.length);
      double[] moved = u.clone();
      moved[k] = r.nextDouble();
      assertThat(ENCODER.update(direct, moved, k)).containsExactly(ENCODER.features(moved));
    }
  }
}
