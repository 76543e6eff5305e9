package dev.asap.optimizer.de;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asap.optimizer.HistoryDriver;
import dev.asap.space.Config;
import dev.asap.space.FloatParameter;
import dev.asap.space.Parameter;
import dev.asap.space.SearchSpace;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

class DifferentialEvolutionTest {
  private static final int POP = DifferentialEvolution.POPULATION;

  private static SearchSpace cube(int n) {
    Parameter[] ps = new Parameter[n];
    for (int i = 0; i < n; i++) {
      ps[i] = FloatParameter.of("x" + i, 0, 1);
    }
    return SearchSpace.of(ps);
  }

  private static final ToDoubleFunction<Config> SPHERE = c -> {
    double v = 0;
    for (String k : c.values().keySet()) {
      v += Math.pow(c.getDouble(k) - 0.3, 2);
    }
    return v;
  };

  @Test
  void proposesTheInitialDesignFirst() {
    SearchSpace space = cube(3);
    DifferentialEvolution de = new DifferentialEvolution(space, 1);
    HistoryDriver d = new HistoryDriver(space);
    for (int i = 0; i < POP; i++) {
      int n = d.ask(de);
      assertThat(space.encode(d.config(n))).containsExactly(de.population().vector(i),
          org.assertj.core.data.Offset.offset(1e-12));
      d.tell(n, SPHERE.applyAsDouble(d.config(n)));
    }
    d.ask(de); // results are taken in at the next proposal
    for (int i = 0; i < POP; i++) {
      assertThat(de.population().loss(i)).isEqualTo(SPHERE.applyAsDouble(d.config(i)));
    }
  }

  @Test
  void populationLossesNeverGetWorseAndTheSphereImproves() {
    SearchSpace space = cube(4);
    DifferentialEvolution de = new DifferentialEvolution(space, 2);
    HistoryDriver d = new HistoryDriver(space);
    d.run(de, POP, SPHERE);
    double[] before = new double[POP];
    double initialBest = Double.POSITIVE_INFINITY;
    for (int i = 0; i < POP; i++) {
      before[i] = de.population().loss(i);
      initialBest = Math.min(initialBest, before[i]);
    }
    for (int k = 0; k < 400; k++) {
      int n = d.ask(de);
      d.tell(n, SPHERE.applyAsDouble(d.config(n)));
      for (int i = 0; i < POP; i++) {
        assertThat(de.population().loss(i)).isLessThanOrEqualTo(before[i]);
        before[i] = de.population().loss(i);
      }
    }
    assertThat(de.population().loss(de.population().best())).isLessThan(initialBest / 100);
  }

  @Test
  void asynchronousRoundRobinSkipsTargetsWithAPendingTrial() {
    SearchSpace space = cube(3);
    DifferentialEvolution de = new DifferentialEvolution(space, 3);
    HistoryDriver d = new HistoryDriver(space);
    d.run(de, POP, SPHERE);
    Population p = de.population();
    // Three workers ask: targets 0, 1, 2.
    int[] asked = {d.ask(de), d.ask(de), d.ask(de)};
    assertThat(new int[] {p.pending(0), p.pending(1), p.pending(2), p.pending(3)}).containsExactly(1, 1, 1, 0);
    d.tell(asked[1], 5.0);
    // The next seventeen go to targets 3 .. 19; then the only free target is 1.
    for (int k = 0; k < POP - 3; k++) {
      d.ask(de);
    }
    assertThat(p.pending(1)).isZero();
    d.ask(de);
    assertThat(p.pending(1)).isEqualTo(1);
    // Every target busy: the next in round-robin order after 1 gets a second trial.
    d.ask(de);
    assertThat(p.pending(2)).isEqualTo(2);
    Set<Config> distinct = new HashSet<>();
    d.trials().forEach(t -> distinct.add(t.config()));
    assertThat(distinct).hasSize(d.trials().size());
  }

  @Test
  void failedTrialVectorsNeverReplaceTheirTarget() {
    SearchSpace space = cube(2);
    DifferentialEvolution de = new DifferentialEvolution(space, 4);
    HistoryDriver d = new HistoryDriver(space);
    d.run(de, POP, SPHERE);
    double[] target = de.population().vector(0).clone();
    double loss = de.population().loss(0);
    d.fail(d.ask(de));
    d.ask(de);
    assertThat(de.population().vector(0)).containsExactly(target);
    assertThat(de.population().loss(0)).isEqualTo(loss);
  }

  @Test
  void aBetterForeignResultReplacesTheWorstMember() {
    SearchSpace space = cube(2);
    DifferentialEvolution de = new DifferentialEvolution(space, 5);
    HistoryDriver d = new HistoryDriver(space);
    d.run(de, POP, SPHERE);
    d.tell(d.ask(de), 1e9); // takes in the last initial result; this trial loses against its target
    int worst = de.population().worst();
    double worstLoss = de.population().loss(worst);
    d.addForeign(space.config(Map.of("x0", 0.3, "x1", 0.3)), 0.0);
    d.ask(de);
    assertThat(de.population().loss(worst)).isZero().isLessThan(worstLoss);
    assertThat(de.population().best()).isEqualTo(worst);
  }

  @Test
  void warmStartsFromTheBestResultsAlreadyInTheHistory() {
    SearchSpace space = cube(2);
    HistoryDriver d = new HistoryDriver(space);
    Map<Integer, Double> values = new HashMap<>();
    for (int i = 0; i < POP + 5; i++) {
      Config c = space.config(Map.of("x0", i / 30.0, "x1", 0.5));
      values.put(i, (double) (POP + 5 - i));
      d.addForeign(c, values.get(i));
    }
    DifferentialEvolution de = new DifferentialEvolution(space, 6);
    d.ask(de);
    // The best 20 of the 25 (the last ones) fill the population; the first proposal already evolves.
    double worstKept = 0;
    for (int i = 0; i < POP; i++) {
      worstKept = Math.max(worstKept, de.population().loss(i));
    }
    assertThat(worstKept).isEqualTo(POP);
    assertThat(de.population().pending(0)).isEqualTo(1);
  }
}
