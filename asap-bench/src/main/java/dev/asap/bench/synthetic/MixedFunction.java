package dev.asap.bench.synthetic;

import dev.asap.space.CategoricalParameter;
import dev.asap.space.Config;
import dev.asap.space.FloatParameter;
import dev.asap.space.IntParameter;
import dev.asap.space.SearchSpace;

/**
 * A mixed space shaped like a training config: a float, a log float, an int, a log int and a categorical
 * with a conditional child. Minimum 0 at x=1, lr=0.01, width=20, units=128, optimizer=b, momentum=0.3.
 */
final class MixedFunction implements SyntheticFunction {
  private static final SearchSpace SPACE = SearchSpace.builder()
      .add(FloatParameter.of("x", -5, 5))
      .add(FloatParameter.log("lr", 1e-4, 1))
      .add(IntParameter.of("width", 1, 64))
      .add(new IntParameter("units", 1, 1024, true))
      .add(CategoricalParameter.of("optimizer", "a", "b", "c", "d"))
      .add(FloatParameter.of("momentum", 0, 1))
      .when("momentum", "optimizer", "b", "c")
      .build();

  @Override
  public String name() {
    return "mixed";
  }

  @Override
  public SearchSpace space() {
    return SPACE;
  }

  @Override
  public double value(Config c) {
    double v = Math.pow(c.getDouble("x") - 1, 2)
        + Math.pow(Math.log10(c.getDouble("lr")) + 2, 2)
        + Math.pow((c.getLong("width") - 20) / 16.0, 2)
        + Math.pow(Math.log(c.getLong("units")) / Math.log(2) - 7, 2) / 4;
    v += switch (c.getString("optimizer")) {
      case "a" -> 1.0;
      case "b" -> 4 * Math.pow(c.getDouble("momentum") - 0.3, 2);
      case "c" -> 0.5 + Math.pow(c.getDouble("momentum") - 0.8, 2);
      default -> 2.0;
    };
    return v;
  }

  @Override
  public double optimum() {
    return 0;
  }
}
