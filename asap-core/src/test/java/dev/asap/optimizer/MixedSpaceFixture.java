package dev.asap.optimizer;

import dev.asap.space.CategoricalParameter;
import dev.asap.space.Config;
import dev.asap.space.FloatParameter;
import dev.asap.space.IntParameter;
import dev.asap.space.OrdinalParameter;
import dev.asap.space.SearchSpace;
import dev.asap.trial.Trial;
import dev.asap.trial.TrialState;
import dev.asap.trial.TrialTimings;
import java.util.Map;
import java.util.TreeMap;

/** A 10-D space with every kind of parameter and conditions nested three deep, and a smooth loss on it. */
public final class MixedSpaceFixture {
  public static final SearchSpace SPACE = SearchSpace.builder()
      .add(FloatParameter.of("x", -5, 5))
      .add(FloatParameter.log("lr", 1e-5, 1))
      .add(new FloatParameter("frac", 0, 1, false, 0.05))
      .add(IntParameter.of("layers", 1, 6))
      .add(new IntParameter("units", 8, 1024, true))
      .add(OrdinalParameter.of("batch", 16L, 32L, 64L, 128L))
      .add(CategoricalParameter.of("opt", "adam", "sgd", "rmsprop"))
      .add(FloatParameter.of("momentum", 0, 1))
      .add(CategoricalParameter.of("nesterov", true, false))
      .add(FloatParameter.of("dampening", 0, 0.5))
      .when("momentum", "opt", "sgd", "rmsprop")
      .when("nesterov", "opt", "sgd")
      .when("dampening", "nesterov", false)
      .build();

  private MixedSpaceFixture() {}

  /** Smooth with its optimum inside the box: x=1.3, lr=1e-3, frac=0.35, layers=3, units=128, batch=64, sgd. */
  public static double loss(Config c) {
    double v = Math.pow(c.getDouble("x") - 1.3, 2) + Math.pow(Math.log10(c.getDouble("lr")) + 3, 2)
        + Math.abs(c.getDouble("frac") - 0.35) + Math.abs(c.getLong("layers") - 3) * 0.3
        + Math.abs(Math.log(c.getLong("units") / 128.0)) + (c.getLong("batch") == 64L ? 0 : 0.5);
    String opt = c.getString("opt");
    if (opt.equals("adam")) {
      v += 0.4;
    } else if (opt.equals("sgd")) {
      v += Math.pow(c.getDouble("momentum") - 0.9, 2);
    } else {
      v += 0.8 + c.getDouble("momentum");
    }
    return c.has("dampening") ? v + c.getDouble("dampening") : v;
  }

  /** A complete trial built directly, for tests that feed histories to a tool without a store. */
  public static Trial complete(int number, Config config, double value, String tool) {
    return new Trial(number, config, TrialState.COMPLETE, value, null, tool, 0, "test", new TreeMap<>(),
        new TrialTimings(0, 0, 0), 0, 0, 0, Map.of());
  }
}
