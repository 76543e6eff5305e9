package dev.asap.optimizer.cmaes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asap.space.FloatParameter;
import dev.asap.space.IntParameter;
import dev.asap.space.OrdinalParameter;
import dev.asap.space.Parameter;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The closed-form bins agree with the decoding of every discrete parameter type. */
class CmaDiscretisationTest {

  static Stream<Parameter> discrete() {
    return Stream.of(IntParameter.of("i", -3, 9), new IntParameter("l", 1, 1024, true),
        new IntParameter("m", 8, 20, true), OrdinalParameter.of("o", 16L, 32L, 64L, 128L, 256L),
        new FloatParameter("s", 0, 1, false, 0.05), new FloatParameter("t", -1, 2.1, false, 0.4));
  }

  @ParameterizedTest
  @MethodSource("discrete")
  void binsAndThresholdsMatchTheDecoding(Parameter p) {
    Discretisation d = Discretisation.of(p);
    assertThat(d.bins()).isEqualTo(p.cardinality());
    // Values in bin order; a bin change must be exactly a value change.
    for (int k = 0; k <= 4_000; k++) {
      double u = -0.2 + 1.4 * k / 4_000;
      double next = u + 1.4 / 4_000;
      boolean sameBin = d.bin(u) == d.bin(next);
      boolean sameValue = p.fromUnit(Math.min(1, Math.max(0, u))).equals(p.fromUnit(Math.min(1, Math.max(0, next))));
      assertThat(sameBin).as("%s between %s and %s", p.name(), u, next).isEqualTo(sameValue);
    }
    for (long k = 0; k + 1 < d.bins(); k++) {
      double t = d.threshold(k);
      assertThat(d.bin(t - 1e-9)).isEqualTo(k);
      assertThat(d.bin(t + 1e-9)).isEqualTo(k + 1);
      assertThat(d.upper(t - 1e-9)).isEqualTo(t);
      assertThat(d.lower(t + 1e-9)).isEqualTo(t);
    }
    assertThat(d.lower(0.0)).isInfinite();
    assertThat(d.upper(1.0)).isInfinite();
  }

  @Test
  void continuousParametersHaveNone() {
    for (Parameter p : List.of(FloatParameter.of("f", 0, 1), FloatParameter.log("g", 1e-5, 1))) {
      assertThat(Discretisation.of(p)).isNull();
    }
  }
}
