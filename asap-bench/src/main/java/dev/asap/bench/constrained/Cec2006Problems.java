package dev.asap.bench.constrained;

import java.util.List;

/**
 * Problems of the CEC 2006 constrained real-parameter suite (Liang, Runarsson, Mezura-Montes, Clerc, Suganthan,
 * Coello Coello and Deb, "Problem definitions and evaluation criteria for the CEC 2006 special session on
 * constrained real-parameter optimization", 2006) whose feasible region is neither empty of volume (equality
 * constraints) nor vanishingly small: formulas, bounds, optimal points and values as published there. The
 * infeasible shares in the Javadoc are measured on 10,000 uniform draws in the published bounds; the suite's
 * table of feasibility ratios agrees for g08, g09 and g12.
 */
public final class Cec2006Problems {
  private static final String SOURCE = "CEC 2006 constrained suite (Liang et al. 2006), problem ";

  private Cec2006Problems() {}

  public static List<ConstrainedProblem> all() {
    return List.of(g04(), g08(), g09(), g12(), g24());
  }

  /** g04: 5-D, quadratic objective, six quadratic constraints; about 73 % of the box is infeasible. */
  public static ConstrainedProblem g04() {
    return ConstrainedProblem.box("g04", SOURCE + "g04", new double[] {78, 33, 27, 27, 27},
        new double[] {102, 45, 45, 45, 45},
        x -> 5.3578547 * x[2] * x[2] + 0.8356891 * x[0] * x[4] + 37.293239 * x[0] - 40792.141,
        List.of(new Inequality("g1", x -> g04u(x) - 92), new Inequality("g2", x -> -g04u(x)),
            new Inequality("g3", x -> g04v(x) - 110), new Inequality("g4", x -> -g04v(x) + 90),
            new Inequality("g5", x -> g04w(x) - 25), new Inequality("g6", x -> -g04w(x) + 20)),
        -30665.5386717834, 78, 33, 29.9952560256815985, 45, 36.7758129057882073);
  }

  private static double g04u(double[] x) {
    return 85.334407 + 0.0056858 * x[1] * x[4] + 0.0006262 * x[0] * x[3] - 0.0022053 * x[2] * x[4];
  }

  private static double g04v(double[] x) {
    return 80.51249 + 0.0071317 * x[1] * x[4] + 0.0029955 * x[0] * x[1] + 0.0021813 * x[2] * x[2];
  }

  private static double g04w(double[] x) {
    return 9.300961 + 0.0047026 * x[2] * x[4] + 0.0012547 * x[0] * x[2] + 0.0019085 * x[2] * x[3];
  }

  /** g08: 2-D, a narrow feasible band between two parabolas; about 99.1 % of the box is infeasible. */
  public static ConstrainedProblem g08() {
    return ConstrainedProblem.box("g08", SOURCE + "g08", new double[] {0, 0}, new double[] {10, 10},
        x -> -Math.pow(Math.sin(2 * Math.PI * x[0]), 3) * Math.sin(2 * Math.PI * x[1])
            / (x[0] * x[0] * x[0] * (x[0] + x[1])),
        List.of(new Inequality("g1", x -> x[0] * x[0] - x[1] + 1),
            new Inequality("g2", x -> 1 - x[0] + (x[1] - 4) * (x[1] - 4))),
        -0.0958250414180359, 1.22797135260752599, 4.24537336612274885);
  }

  /** g09: 7-D, polynomial objective and constraints; about 99.5 % of the box is infeasible. */
  public static ConstrainedProblem g09() {
    return ConstrainedProblem.box("g09", SOURCE + "g09", fill(7, -10), fill(7, 10),
        x -> sq(x[0] - 10) + 5 * sq(x[1] - 12) + Math.pow(x[2], 4) + 3 * sq(x[3] - 11) + 10 * Math.pow(x[4], 6)
            + 7 * sq(x[5]) + Math.pow(x[6], 4) - 4 * x[5] * x[6] - 10 * x[5] - 8 * x[6],
        List.of(
            new Inequality("g1", x -> -127 + 2 * sq(x[0]) + 3 * Math.pow(x[1], 4) + x[2] + 4 * sq(x[3]) + 5 * x[4]),
            new Inequality("g2", x -> -282 + 7 * x[0] + 3 * x[1] + 10 * sq(x[2]) + x[3] - x[4]),
            new Inequality("g3", x -> -196 + 23 * x[0] + sq(x[1]) + 6 * sq(x[5]) - 8 * x[6]),
            new Inequality("g4", x -> 4 * sq(x[0]) + sq(x[1]) - 3 * x[0] * x[1] + 2 * sq(x[2]) + 5 * x[5]
                - 11 * x[6])),
        680.630057374402, 2.33049935147405174, 1.95137236847114592, -0.477541399510615805,
        4.36572624923625874, -0.624486959100388983, 1.03813099410962173, 1.5942266780671519);
  }

  /**
   * g12: 3-D; feasible inside any of the 9³ balls of radius 0.25 centred on the integer points (p, q, r) ∈
   * {1…9}³, so about 95.2 % of the box is infeasible. The nearest centre decides, so one constraint stands for
   * the suite's disjunction of 729.
   */
  public static ConstrainedProblem g12() {
    return ConstrainedProblem.box("g12", SOURCE + "g12", fill(3, 0), fill(3, 10),
        x -> -(100 - sq(x[0] - 5) - sq(x[1] - 5) - sq(x[2] - 5)) / 100,
        List.of(new Inequality("g1", x -> {
          double d = 0;
          for (double v : x) {
            d += sq(v - Math.min(9, Math.max(1, Math.rint(v))));
          }
          return d - 0.0625;
        })),
        -1, 5, 5, 5);
  }

  /**
   * g24: 2-D, linear objective, two quartic constraints; about 56 % of the box is infeasible. The published
   * point violates g2 by 2e-13 after rounding; the one here is refined to lie 1e-10 inside.
   */
  public static ConstrainedProblem g24() {
    return ConstrainedProblem.box("g24", SOURCE + "g24", new double[] {0, 0}, new double[] {3, 4},
        x -> -x[0] - x[1],
        List.of(new Inequality("g1", x -> -2 * Math.pow(x[0], 4) + 8 * Math.pow(x[0], 3) - 8 * sq(x[0]) + x[1] - 2),
            new Inequality("g2", x -> -4 * Math.pow(x[0], 4) + 32 * Math.pow(x[0], 3) - 88 * sq(x[0]) + 96 * x[0]
                + x[1] - 36)),
        -5.50801327159536, 2.329520197477607, 3.178493074017697);
  }

  static double sq(double v) {
    return v * v;
  }

  static double[] fill(int n, double v) {
    double[] a = new double[n];
    java.util.Arrays.fill(a, v);
    return a;
  }
}
