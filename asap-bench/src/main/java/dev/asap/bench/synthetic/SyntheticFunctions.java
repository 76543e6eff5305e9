package dev.asap.bench.synthetic;

import java.util.List;
import java.util.Optional;

/**
 * The standard synthetic suite: classic functions with known optima, in the dimensions the literature
 * uses, plus a mixed int/log/categorical function with a condition.
 */
public final class SyntheticFunctions {
  private static final double[][] H3_A = {{3, 10, 30}, {0.1, 10, 35}, {3, 10, 30}, {0.1, 10, 35}};
  private static final double[][] H3_P = {{0.3689, 0.1170, 0.2673}, {0.4699, 0.4387, 0.7470},
      {0.1091, 0.8732, 0.5547}, {0.03815, 0.5743, 0.8828}};
  private static final double[][] H6_A = {{10, 3, 17, 3.5, 1.7, 8}, {0.05, 10, 17, 0.1, 8, 14},
      {3, 3.5, 1.7, 10, 17, 8}, {17, 8, 0.05, 10, 0.1, 14}};
  private static final double[][] H6_P = {{0.1312, 0.1696, 0.5569, 0.0124, 0.8283, 0.5886},
      {0.2329, 0.4135, 0.8307, 0.3736, 0.1004, 0.9991}, {0.2348, 0.1451, 0.3522, 0.2883, 0.3047, 0.6650},
      {0.4047, 0.8828, 0.8732, 0.5743, 0.1091, 0.0381}};
  private static final double[] H_ALPHA = {1.0, 1.2, 3.0, 3.2};

  private SyntheticFunctions() {}

  /** Every function of the suite, in a fixed order. */
  public static List<SyntheticFunction> all() {
    return List.of(branin(), sixHumpCamel(), hartmann3(), hartmann6(), rosenbrock(4), rosenbrock(10), ackley(5),
        levy(10), styblinskiTang(8), michalewicz(5), rastrigin(6), new MixedFunction());
  }

  public static Optional<SyntheticFunction> byName(String name) {
    return all().stream().filter(f -> f.name().equals(name)).findFirst();
  }

  public static SyntheticFunction branin() {
    return new BoxFunction("branin", new double[] {-5, 0}, new double[] {10, 15}, 0.397887357729738, x -> {
      double b = 5.1 / (4 * Math.PI * Math.PI);
      double c = 5 / Math.PI;
      double t = 1 / (8 * Math.PI);
      return Math.pow(x[1] - b * x[0] * x[0] + c * x[0] - 6, 2) + 10 * (1 - t) * Math.cos(x[0]) + 10;
    });
  }

  public static SyntheticFunction sixHumpCamel() {
    return new BoxFunction("six-hump-camel", new double[] {-3, -2}, new double[] {3, 2}, -1.031628453489877, x -> {
      double a = x[0];
      double b = x[1];
      return (4 - 2.1 * a * a + Math.pow(a, 4) / 3) * a * a + a * b + (-4 + 4 * b * b) * b * b;
    });
  }

  public static SyntheticFunction hartmann3() {
    return BoxFunction.cube("hartmann3", 3, 0, 1, -3.86278214782076, x -> hartmann(x, H3_A, H3_P));
  }

  public static SyntheticFunction hartmann6() {
    return BoxFunction.cube("hartmann6", 6, 0, 1, -3.32236801141551, x -> hartmann(x, H6_A, H6_P));
  }

  private static double hartmann(double[] x, double[][] a, double[][] p) {
    double sum = 0;
    for (int i = 0; i < 4; i++) {
      double inner = 0;
      for (int j = 0; j < x.length; j++) {
        inner += a[i][j] * Math.pow(x[j] - p[i][j], 2);
      }
      sum += H_ALPHA[i] * Math.exp(-inner);
    }
    return -sum;
  }

  public static SyntheticFunction rosenbrock(int d) {
    return BoxFunction.cube("rosenbrock-" + d, d, -5, 10, 0, x -> {
      double s = 0;
      for (int i = 0; i < x.length - 1; i++) {
        s += 100 * Math.pow(x[i + 1] - x[i] * x[i], 2) + Math.pow(1 - x[i], 2);
      }
      return s;
    });
  }

  public static SyntheticFunction ackley(int d) {
    return BoxFunction.cube("ackley-" + d, d, -32.768, 32.768, 0, x -> {
      double sq = 0;
      double cos = 0;
      for (double v : x) {
        sq += v * v;
        cos += Math.cos(2 * Math.PI * v);
      }
      return -20 * Math.exp(-0.2 * Math.sqrt(sq / x.length)) - Math.exp(cos / x.length) + 20 + Math.E;
    });
  }

  public static SyntheticFunction levy(int d) {
    return BoxFunction.cube("levy-" + d, d, -10, 10, 0, x -> {
      double[] w = new double[x.length];
      for (int i = 0; i < x.length; i++) {
        w[i] = 1 + (x[i] - 1) / 4;
      }
      double s = Math.pow(Math.sin(Math.PI * w[0]), 2);
      for (int i = 0; i < x.length - 1; i++) {
        s += Math.pow(w[i] - 1, 2) * (1 + 10 * Math.pow(Math.sin(Math.PI * w[i] + 1), 2));
      }
      double last = w[x.length - 1];
      return s + Math.pow(last - 1, 2) * (1 + Math.pow(Math.sin(2 * Math.PI * last), 2));
    });
  }

  public static SyntheticFunction styblinskiTang(int d) {
    return BoxFunction.cube("styblinski-tang-" + d, d, -5, 5, -39.16616570377142 * d, x -> {
      double s = 0;
      for (double v : x) {
        s += Math.pow(v, 4) - 16 * v * v + 5 * v;
      }
      return s / 2;
    });
  }

  /** Michalewicz with m = 10; the 5-D minimum is -4.687658 (Vanaret et al.). */
  public static SyntheticFunction michalewicz(int d) {
    if (d != 5) {
      throw new IllegalArgumentException("the Michalewicz optimum is tabulated for d = 5 only");
    }
    return BoxFunction.cube("michalewicz-5", 5, 0, Math.PI, -4.687658179, x -> {
      double s = 0;
      for (int i = 0; i < x.length; i++) {
        s -= Math.sin(x[i]) * Math.pow(Math.sin((i + 1) * x[i] * x[i] / Math.PI), 20);
      }
      return s;
    });
  }

  public static SyntheticFunction rastrigin(int d) {
    return BoxFunction.cube("rastrigin-" + d, d, -5.12, 5.12, 0, x -> {
      double s = 10 * x.length;
      for (double v : x) {
        s += v * v - 10 * Math.cos(2 * Math.PI * v);
      }
      return s;
    });
  }
}
