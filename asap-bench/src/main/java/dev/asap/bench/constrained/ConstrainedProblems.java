package dev.asap.bench.constrained;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Every constrained test problem, in a fixed order: the CEC 2006 ones, the engineering designs, Gramacy's toy. */
public final class ConstrainedProblems {
  private ConstrainedProblems() {}

  public static List<ConstrainedProblem> all() {
    List<ConstrainedProblem> out = new ArrayList<>(Cec2006Problems.all());
    out.addAll(EngineeringDesignProblems.all());
    out.add(gramacyToy());
    return List.copyOf(out);
  }

  public static Optional<ConstrainedProblem> byName(String name) {
    return all().stream().filter(p -> p.name().equals(name)).findFirst();
  }

  /**
   * The toy problem of Gramacy, Gray, Le Digabel, Lee, Ranjan, Wells and Wild ("Modeling an augmented Lagrangian
   * for blackbox constrained optimization", Technometrics 2016): minimise x1 + x2 on [0, 1]² under a sinusoidal
   * and a circular constraint, with a disconnected feasible region; about 54 % of the square is infeasible. The
   * paper gives the solution as ≈ 0.5998 at (0.1954, 0.4044); local search refines it to 0.5997880520.
   */
  public static ConstrainedProblem gramacyToy() {
    return ConstrainedProblem.box("gramacy-toy", "Gramacy et al. 2016, toy problem", new double[] {0, 0},
        new double[] {1, 1}, x -> x[0] + x[1],
        List.of(new Inequality("c1",
                x -> 1.5 - x[0] - 2 * x[1] - 0.5 * Math.sin(2 * Math.PI * (x[0] * x[0] - 2 * x[1]))),
            new Inequality("c2", x -> x[0] * x[0] + x[1] * x[1] - 1.5)),
        0.599788052009985, 0.1951226885795472, 0.40466536351097776);
  }
}
