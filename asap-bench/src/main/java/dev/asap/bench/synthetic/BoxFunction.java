package dev.asap.bench.synthetic;

import dev.asap.space.Config;
import dev.asap.space.FloatParameter;
import dev.asap.space.Parameter;
import dev.asap.space.SearchSpace;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/** A continuous function on a box, with parameters {@code x0 … x(d-1)}. */
final class BoxFunction implements SyntheticFunction {
  private final String name;
  private final SearchSpace space;
  private final ToDoubleFunction<double[]> f;
  private final double optimum;

  BoxFunction(String name, double[] low, double[] high, double optimum, ToDoubleFunction<double[]> f) {
    this.name = name;
    List<Parameter> ps = new ArrayList<>();
    for (int i = 0; i < low.length; i++) {
      ps.add(FloatParameter.of("x" + i, low[i], high[i]));
    }
    this.space = SearchSpace.of(ps.toArray(Parameter[]::new));
    this.f = f;
    this.optimum = optimum;
  }

  static BoxFunction cube(String name, int d, double low, double high, double optimum,
      ToDoubleFunction<double[]> f) {
    double[] lo = new double[d];
    double[] hi = new double[d];
    java.util.Arrays.fill(lo, low);
    java.util.Arrays.fill(hi, high);
    return new BoxFunction(name, lo, hi, optimum, f);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public SearchSpace space() {
    return space;
  }

  @Override
  public double value(Config config) {
    double[] x = new double[space.dimension()];
    for (int i = 0; i < x.length; i++) {
      x[i] = config.getDouble("x" + i);
    }
    return f.applyAsDouble(x);
  }

  @Override
  public double optimum() {
    return optimum;
  }
}
