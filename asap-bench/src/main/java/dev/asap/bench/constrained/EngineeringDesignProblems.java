package dev.asap.bench.constrained;

import static dev.asap.bench.constrained.Cec2006Problems.sq;

import dev.asap.space.FloatParameter;
import dev.asap.space.OrdinalParameter;
import dev.asap.space.SearchSpace;
import java.util.List;

/**
 * Classic engineering design problems of the constrained-optimisation literature, in the forms most papers use
 * (e.g. Coello Coello, "Use of a self-adaptive penalty approach for engineering optimization problems", 2000):
 * minimum-weight or minimum-cost designs under stress, deflection and geometry limits. Parameters carry the
 * design variables' names; best known values are reproduced by local search from many starts.
 */
public final class EngineeringDesignProblems {
  /** Plate thicknesses of the pressure vessel come in sixteenths of an inch. */
  static final double INCH_SIXTEENTH = 0.0625;

  private EngineeringDesignProblems() {}

  public static List<ConstrainedProblem> all() {
    return List.of(spring(), pressureVessel(), weldedBeam(), threeBarTruss());
  }

  /**
   * Tension/compression spring (Belegundu 1982; Arora 1989): minimise the weight (N + 2) D d² of a spring of wire
   * diameter d, mean coil diameter D and N active coils under deflection, shear stress, surge frequency and
   * outside-diameter limits. Best known 0.012665233; about 99.2 % of the box is infeasible. The point usually
   * published, (0.051689061, 0.356717736, 11.28896595), violates g1 by 8e-9 after rounding; the one here is
   * refined to lie 1e-10 inside.
   */
  public static ConstrainedProblem spring() {
    SearchSpace space = SearchSpace.of(FloatParameter.of("wire_diameter", 0.05, 2),
        FloatParameter.of("coil_diameter", 0.25, 1.3), FloatParameter.of("active_coils", 2, 15));
    return new ConstrainedProblem("spring", "tension/compression spring design (Belegundu 1982; Arora 1989)", space,
        x -> (x[2] + 2) * x[1] * x[0] * x[0],
        List.of(new Inequality("g1 (deflection)", x -> 1 - Math.pow(x[1], 3) * x[2] / (71785 * Math.pow(x[0], 4))),
            new Inequality("g2 (shear stress)", x -> (4 * x[1] * x[1] - x[0] * x[1])
                / (12566 * (x[1] * Math.pow(x[0], 3) - Math.pow(x[0], 4))) + 1 / (5108 * x[0] * x[0]) - 1),
            new Inequality("g3 (surge frequency)", x -> 1 - 140.45 * x[0] / (x[1] * x[1] * x[2])),
            new Inequality("g4 (outside diameter)", x -> (x[0] + x[1]) / 1.5 - 1)),
        0.012665232788, 0.05168906094576838, 0.3567177364593607, 11.288965950170802);
  }

  /**
   * Pressure vessel (Sandgren 1990; Kannan and Kramer 1994): minimise the material, forming and welding cost of a
   * cylindrical vessel with hemispherical heads, shell and head thicknesses in sixteenths of an inch (1…99 of
   * them: two ordinal parameters), inner radius R and length L continuous. Optimum 6059.714335 at thicknesses
   * 0.8125 and 0.4375; about 60 % of the space is infeasible. The published g4 (L ≤ 240) always holds within
   * these bounds and is left out.
   */
  public static ConstrainedProblem pressureVessel() {
    SearchSpace space = SearchSpace.of(thickness("shell_thickness"), thickness("head_thickness"),
        FloatParameter.of("radius", 10, 200), FloatParameter.of("length", 10, 200));
    return new ConstrainedProblem("pressure-vessel", "pressure vessel design (Sandgren 1990; Kannan and Kramer 1994)",
        space,
        x -> 0.6224 * x[0] * x[2] * x[3] + 1.7781 * x[1] * x[2] * x[2] + 3.1661 * x[0] * x[0] * x[3]
            + 19.84 * x[0] * x[0] * x[2],
        List.of(new Inequality("g1 (shell thickness)", x -> -x[0] + 0.0193 * x[2]),
            new Inequality("g2 (head thickness)", x -> -x[1] + 0.00954 * x[2]),
            new Inequality("g3 (volume)", x -> -Math.PI * x[2] * x[2] * x[3] - 4.0 / 3 * Math.PI * Math.pow(x[2], 3)
                + 1_296_000)),
        6059.714335048436, 13 * INCH_SIXTEENTH, 7 * INCH_SIXTEENTH, 42.09844559585492, 176.63659584243945);
  }

  private static OrdinalParameter thickness(String name) {
    Object[] values = new Object[99];
    for (int k = 1; k <= values.length; k++) {
      values[k - 1] = k * INCH_SIXTEENTH;
    }
    return OrdinalParameter.of(name, values);
  }

  /**
   * Welded beam (Ragsdell and Phillips 1976; Coello Coello 2000's version): minimise the cost of a beam welded to a
   * support, under shear stress, bending stress, buckling load and end deflection limits. Best known 1.7248523086;
   * about 97 % of the box is infeasible. The published point meets g1 and g7 only to 1e-10; the one here is
   * scaled out by 1e-11 to meet them exactly.
   */
  public static ConstrainedProblem weldedBeam() {
    SearchSpace space = SearchSpace.of(FloatParameter.of("weld_thickness", 0.1, 2),
        FloatParameter.of("weld_length", 0.1, 10), FloatParameter.of("bar_height", 0.1, 10),
        FloatParameter.of("bar_thickness", 0.1, 2));
    return new ConstrainedProblem("welded-beam", "welded beam design (Ragsdell and Phillips 1976; Coello Coello 2000)",
        space, x -> 1.10471 * x[0] * x[0] * x[1] + 0.04811 * x[2] * x[3] * (14 + x[1]),
        List.of(new Inequality("g1 (shear stress)", x -> WeldedBeam.shearStress(x) - 13_600),
            new Inequality("g2 (bending stress)", x -> WeldedBeam.bendingStress(x) - 30_000),
            new Inequality("g3 (weld thinner than bar)", x -> x[0] - x[3]),
            new Inequality("g4 (cost)", x -> 0.10471 * x[0] * x[0] + 0.04811 * x[2] * x[3] * (14 + x[1]) - 5),
            new Inequality("g5 (minimum weld)", x -> 0.125 - x[0]),
            new Inequality("g6 (deflection)", x -> WeldedBeam.deflection(x) - 0.25),
            new Inequality("g7 (buckling load)", x -> WeldedBeam.LOAD - WeldedBeam.bucklingLoad(x))),
        1.724852308597366, 0.2057296397881363, 3.470488665627979, 9.036623910448, 0.2057296397881363);
  }

  /**
   * Three-bar truss (Nowacki 1973; Ray and Saini 2001): minimise the volume of a symmetric truss with bar
   * cross-sections A1 and A2 under stress limits (bar length 100 cm, load and stress 2 kN/cm²). Optimum
   * 263.8958434 at A1 = (1 + 1/√3)/2, A2 = 1/√6; about 78 % of the box is infeasible.
   */
  public static ConstrainedProblem threeBarTruss() {
    SearchSpace space = SearchSpace.of(FloatParameter.of("area1", 0, 1), FloatParameter.of("area2", 0, 1));
    double load = 2;
    double stress = 2;
    double root2 = Math.sqrt(2);
    return new ConstrainedProblem("three-bar-truss", "three-bar truss design (Nowacki 1973; Ray and Saini 2001)", space,
        x -> (2 * root2 * x[0] + x[1]) * 100,
        List.of(new Inequality("g1 (stress in bar 1)",
                x -> (root2 * x[0] + x[1]) / (root2 * x[0] * x[0] + 2 * x[0] * x[1]) * load - stress),
            new Inequality("g2 (stress in bar 2)", x -> x[1] / (root2 * x[0] * x[0] + 2 * x[0] * x[1]) * load - stress),
            new Inequality("g3 (stress in bar 3)", x -> 1 / (root2 * x[1] + x[0]) * load - stress)),
        263.8958433764684, (1 + 1 / Math.sqrt(3)) / 2, 1 / Math.sqrt(6));
  }

  /** The welded beam's mechanics: load 6000 lb at 14 in, E = 30e6 psi, G = 12e6 psi. */
  private static final class WeldedBeam {
    static final double LOAD = 6000;
    static final double LENGTH = 14;
    static final double E = 30e6;
    static final double G = 12e6;

    static double shearStress(double[] x) {
      double primary = LOAD / (Math.sqrt(2) * x[0] * x[1]);
      double moment = LOAD * (LENGTH + x[1] / 2);
      double r = Math.sqrt(x[1] * x[1] / 4 + sq((x[0] + x[2]) / 2));
      double polar = 2 * (Math.sqrt(2) * x[0] * x[1] * (x[1] * x[1] / 12 + sq((x[0] + x[2]) / 2)));
      double secondary = moment * r / polar;
      return Math.sqrt(primary * primary + 2 * primary * secondary * x[1] / (2 * r) + secondary * secondary);
    }

    static double bendingStress(double[] x) {
      return 6 * LOAD * LENGTH / (x[3] * x[2] * x[2]);
    }

    static double deflection(double[] x) {
      return 4 * LOAD * Math.pow(LENGTH, 3) / (E * Math.pow(x[2], 3) * x[3]);
    }

    static double bucklingLoad(double[] x) {
      return 4.013 * E * Math.sqrt(x[2] * x[2] * Math.pow(x[3], 6) / 36) / (LENGTH * LENGTH)
          * (1 - x[2] / (2 * LENGTH) * Math.sqrt(E / (4 * G)));
    }
  }
}
