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
  void aModelThatRanksWellIsTrustedOverOneThatIsOnlyWellCalibrated() {
    HistoryDriver driver = new HistoryDriver(SPACE);
    ModelTrust trust = new ModelTrust();
    for (int i = 0; i < ModelTrust.WINDOW + 5; i++) {
      Config c = SPACE.config(Map.of("x", (i * 0.37) % 1));
      double loss = c.getDouble("x");
      // "eager" orders the configs right but is overconfident about every one (as a model is at the configs it
      // chose itself); "timid" says about the base rate everywhere, in the wrong order.
      trust.forecast(c, ModelTrust.threshold(driver.history()), Map.of("eager", 1 - 0.4 * loss, "timid",
          0.1 + 0.01 * loss));
      driver.addForeign(c, loss);
      trust.update(driver.history());
    }
    assertThat(trust.meanLogLoss().get("timid")).isLessThan(trust.meanLogLoss().get("eager"));
    assertThat(trust.trusted(List.of("eager", "timid"), "timid")).isEqualTo("eager");
    assertThat(trust.concordances().get("eager")).isGreaterThan(0.9);
    assertThat(trust.concordances().get("timid")).isLessThan(0.1);
  }

  @Test
  void aCopyLearnsWithoutTouchingTheOriginal() {
    HistoryDriver driver = new HistoryDriver(SPACE);
    driver.addForeign(SPACE.config(Map.of("x", 0.5)), 0.5);
    ModelTrust trust = new ModelTrust();
    ModelTrust copy = trust.copy();
    for (int i = 0; i < ModelTrust.WINDOW + 2; i++) {
      Config c = SPACE.config(Map.of("x", (i * 0.37) % 1));
      double loss = c.getDouble("x");
      // "a" ranks the configs by their loss, "b" the other way round.
      copy.forecast(c, ModelTrust.threshold(driver.history()), Map.of("a", 1 - loss, "b", loss));
      driver.addForeign(c, loss);
      copy.update(driver.history());
    }
    assertThat(copy.trusted(List.of("a", "b"), "b")).isEqualTo("a");
    assertThat(trust.trusted(List.of("a", "b"), "b")).isEqualTo("b");
  }
}
