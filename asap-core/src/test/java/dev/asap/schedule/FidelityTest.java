package dev.asap.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class FidelityTest {

  @Test
  void rungsCountDownFromTheMaximumByEta() {
    assertThat(new Fidelity("epochs", 1, 81, 3, true).rungs()).containsExactly(1.0, 3.0, 9.0, 27.0, 81.0);
    assertThat(new Fidelity("epoch", 1, 52, 3, true).rungs()).containsExactly(2.0, 6.0, 18.0, 52.0);
    List<Double> fractions = new Fidelity("data", 0.1, 1, 2, false).rungs();
    assertThat(fractions).hasSize(4);
    assertThat(fractions.get(0)).isCloseTo(0.125, org.assertj.core.data.Offset.offset(1e-12));
    assertThat(fractions.get(3)).isEqualTo(1.0);
  }

  @Test
  void anIntegerFidelityIsGivenAsAWholeNumber() {
    assertThat(new Fidelity("epochs", 1, 81, 3, true).value(27.0)).isEqualTo(27L);
    assertThat(new Fidelity("data", 0.1, 1, 2, false).value(0.25)).isEqualTo(0.25);
  }

  @Test
  void aRangeThatIsEmptyOrAnEtaBelowTwoIsRefusedWithTheFix() {
    assertThatThrownBy(() -> new Fidelity("epochs", 81, 81, 3, true))
        .hasMessageContaining("min (81.0) must be below max (81.0)");
    assertThatThrownBy(() -> new Fidelity("epochs", 1, 81, 1.5, true)).hasMessageContaining("eta must be");
    assertThatThrownBy(() -> new Fidelity("epochs", 0, 81, 3, true)).hasMessageContaining("> 0");
    assertThatThrownBy(() -> new Fidelity(" ", 1, 81, 3, true)).hasMessageContaining("needs a name");
  }
}
