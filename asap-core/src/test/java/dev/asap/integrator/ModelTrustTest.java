package dev.asap.integrator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asap.optimizer.HistoryDriver;
import dev.asap.space.Config;
import dev.asap.space.FloatParameter;
import dev.asap.space.SearchSpace;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModelTrustTest {
  private static final SearchSpace SPACE = SearchSpace.of(FloatParameter.of("x", 0, 1));

  @Test
  void theModelWhoseForecastsComeTrueIsTrusted() {
    HistoryDriver driver = new HistoryDriver(SPACE);
    ModelTrust trust = new ModelTrust();
    List<String> models = List.of("sharp", "wrong");
    // Before any evidence, the model trusted first.
    assertThat(trust.trusted(models, "wrong")).isEqualTo("wrong");
    for (int i = 0; i < ModelTrust.WINDOW + 5; i++) {
      Config c = SPACE.config(Map.of("x", (i * 0.37) % 1));
      double loss = c.getDouble("x");
      double threshold = ModelTrust.threshold(driver.history());
      // "sharp" says 0.9 exactly for the configs that then land among the best, "wrong" says the opposite.
      boolean good = Double.isFinite(threshold) && loss <= threshold;
      trust.forecast(c, threshold, Map.of("sharp", good ? 0.9 : 0.1, "wrong", good ? 0.1 : 0.9));
      driver.addForeign(c, loss);
      trust.update(driver.history());
    }
    assertThat(trust.trusted(models, "wrong")).isEqualTo("sharp");
    assertThat(trust.meanLogLoss().get("sharp")).isLessThan(trust.meanLogLoss().get("wrong"));
  }

  @Test
  void aCopyLearnsWithoutTouchingTheOriginal() {
    HistoryDriver driver = new HistoryDriver(SPACE);
    driver.addForeign(SPACE.config(Map.of("x", 0.5)), 0.5);
    ModelTrust trust = new ModelTrust();
    ModelTrust copy = trust.copy();
    for (int i = 0; i < ModelTrust.WINDOW + 2; i++) {
      Config c = SPACE.config(Map.of("x", 0.1 - 0.001 * i)); // each a new best
      copy.forecast(c, ModelTrust.threshold(driver.history()), Map.of("a", 0.99, "b", 0.01));
      driver.addForeign(c, c.getDouble("x"));
      copy.update(driver.history());
    }
    assertThat(copy.trusted(List.of("a", "b"), "b")).isEqualTo("a");
    assertThat(trust.trusted(List.of("a", "b"), "b")).isEqualTo("b");
  }
}
