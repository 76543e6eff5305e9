package dev.asap.space;

import java.util.ArrayDeque;
import dev.asap.space.constraint.Constraint;
import dev.asap.space.constraint.ConstraintException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Ordered parameters plus the conditions that say when each one is active.
 *
 * <p><b>Unit-cube encoding.</b> {@link #encode(Config)} gives one coordinate per parameter in declaration
 * order; an <em>inactive</em> parameter is encoded as {@code NaN}. Every model decides how to treat NaN
 * (impute, separate kernel, separate density), but the encoding is the same for all of them.
 * {@link #decode(double[])} ignores the coordinates of parameters that turn out inactive, so any point of
 * the cube decodes to a valid config.
 */
public final class SearchSpace {
  private final List<Parameter> parameters;
  private final Map<String, Integer> index;
  private final Map<String, Condition> conditions;
  private final List<Integer> evaluationOrder;
  private final List<Constraint> constraints;

  private SearchSpace(List<Parameter> parameters, Map<String, Condition> conditions) {
    this(parameters, conditions, List.of());
  }

  private SearchSpace(List<Parameter> parameters, Map<String, Condition> conditions, List<String> constraintTexts) {
    this.parameters = List.copyOf(parameters);
    Map<String, Integer> idx = new LinkedHashMap<>();
    for (int i = 0; i < parameters.size(); i++) {
      if (idx.put(parameters.get(i).name(), i) != null) {
        throw new InvalidSpaceException("parameter '" + parameters.get(i).name()
            + "' is defined twice; give each parameter a unique name");
      }
    }
    this.index = Collections.unmodifiableMap(idx);
    this.conditions = Collections.unmodifiableMap(new LinkedHashMap<>(conditions));
    checkConditions();
    this.evaluationOrder = topologicalOrder();
    this.constraints = parseConstraints(constraintTexts);
    checkSatisfiable();
  }

  /**
   * The same parameters and conditions, with these declared constraints (see {@link Constraint} for the
   * language), which every proposed config must satisfy.
   *
   * @throws InvalidSpaceException when a constraint does not parse, names an unknown parameter, or no config
   *                               seems to satisfy them all
   */
  public SearchSpace withConstraints(List<String> texts) {
    return new SearchSpace(parameters, conditions, texts);
  }

  public List<Constraint> constraints() {
    return constraints;
  }

  public boolean hasConstraints() {
    return !constraints.isEmpty();
  }

  /** True when {@code config} satisfies every declared constraint. */
  public boolean satisfies(Config config) {
    for (Constraint c : constraints) {
      if (!c.test(config.values())) {
        return false;
      }
    }
    return true;
  }

  /** The first declared constraint that {@code config} violates, if any. */
  public java.util.Optional<Constraint> violated(Config config) {
    for (Constraint c : constraints) {
      if (!c.test(config.values())) {
        return java.util.Optional.of(c);
      }
    }
    return java.util.Optional.empty();
  }

  private List<Constraint> parseConstraints(List<String> texts) {
    List<Constraint> out = new ArrayList<>();
    for (String text : texts) {
      try {
        out.add(Constraint.parse(text, index.keySet()));
      } catch (ConstraintException e) {
        throw new InvalidSpaceException("constraint '" + text + "': " + e.getMessage());
      }
    }
    return List.copyOf(out);
  }

  /** Draws used to tell an empty feasible set from a small one; a space where fewer satisfy is refused. */
  static final int SATISFIABILITY_DRAWS = 100_000;

  private void checkSatisfiable() {
    if (constraints.isEmpty()) {
      return;
    }
    Random random = new Random(SATISFIABILITY_DRAWS);
    int[] violations = new int[constraints.size()];
    for (int i = 0; i < SATISFIABILITY_DRAWS; i++) {
      Config c = uniform(random);
      boolean ok = true;
      for (int k = 0; k < violations.length; k++) {
        if (!constraints.get(k).test(c.values())) {
          violations[k]++;
          ok = false;
        }
      }
      if (ok) {
        return;
      }
    }
    int worst = 0;
    for (int k = 1; k < violations.length; k++) {
      worst = violations[k] > violations[worst] ? k : worst;
    }
    throw new InvalidSpaceException("no config satisfies the constraints: none of " + SATISFIABILITY_DRAWS
        + " random configs does; '" + constraints.get(worst).text() + "' rules out "
        + Math.round(100.0 * violations[worst] / SATISFIABILITY_DRAWS) + "% of them. Check the constraints against "
        + "the ranges, or widen the ranges");
  }

  public static Builder builder() {
    return new Builder();
  }

  public static SearchSpace of(Parameter... parameters) {
    return new SearchSpace(List.of(parameters), Map.of());
  }

  public List<Parameter> parameters() {
    return parameters;
  }

  public int dimension() {
    return parameters.size();
  }

  public Parameter parameter(String name) {
    Integer i = index.get(name);
    if (i == null) {
      throw new IllegalArgumentException("unknown parameter '" + name + "'; the space has " + index.keySet());
    }
    return parameters.get(i);
  }

  public int indexOf(String name) {
    Integer i = index.get(name);
    if (i == null) {
      throw new IllegalArgumentException("unknown parameter '" + name + "'; the space has " + index.keySet());
    }
    return i;
  }

  public boolean hasParameter(String name) {
    return index.containsKey(name);
  }

  /** The condition on {@code name}, or null when it is always active. */
  public Condition condition(String name) {
    return conditions.get(name);
  }

  public Map<String, Condition> conditions() {
    return conditions;
  }

  public boolean hasConditions() {
    return !conditions.isEmpty();
  }

  /**
   * Checks and canonicalises a raw assignment (e.g. parsed from JSON): every active parameter must be
   * set and inside its domain, and no inactive or unknown parameter may be set.
   */
  public Config config(Map<String, ?> raw) {
    for (String k : raw.keySet()) {
      if (!index.containsKey(k)) {
        throw new IllegalArgumentException("unknown parameter '" + k + "'; the space has " + index.keySet());
      }
    }
    Map<String, Object> active = new HashMap<>();
    for (int i : evaluationOrder) {
      Parameter p = parameters.get(i);
      boolean isActive = isActive(p.name(), active);
      Object v = raw.get(p.name());
      if (isActive) {
        if (v == null) {
          throw new IllegalArgumentException("parameter '" + p.name() + "' is active but has no value");
        }
        active.put(p.name(), p.canonical(v));
      } else if (v != null) {
        throw new IllegalArgumentException("parameter '" + p.name() + "' is inactive here (" + describe(p.name())
            + ") but has a value");
      }
    }
    return inSpaceOrder(active);
  }

  /** True when {@code name} is active given the values of already-decided active parameters. */
  public boolean isActive(String name, Map<String, Object> activeValues) {
    Condition c = conditions.get(name);
    if (c == null) {
      return true;
    }
    for (String parent : c.parents()) {
      if (!activeValues.containsKey(parent)) {
        return false;
      }
    }
    return c.holds(activeValues);
  }

  /** Unit-cube coordinates of a config; NaN for inactive parameters. */
  public double[] encode(Config config) {
    double[] x = new double[parameters.size()];
    for (int i = 0; i < x.length; i++) {
      Parameter p = parameters.get(i);
      x[i] = config.has(p.name()) ? p.toUnit(config.get(p.name())) : Double.NaN;
    }
    return x;
  }

  /**
   * Decodes cube coordinates into a valid config. Coordinates of inactive parameters are ignored; a NaN
   * coordinate of a parameter that turns out active is read as 0.5.
   */
  public Config decode(double[] unit) {
    if (unit.length != parameters.size()) {
      throw new IllegalArgumentException("expected " + parameters.size() + " coordinates, got " + unit.length);
    }
    Map<String, Object> active = new HashMap<>();
    for (int i : evaluationOrder) {
      Parameter p = parameters.get(i);
      if (isActive(p.name(), active)) {
        double u = Double.isNaN(unit[i]) ? 0.5 : unit[i];
        active.put(p.name(), p.fromUnit(u));
      }
    }
    return inSpaceOrder(active);
  }

  /**
   * A config drawn uniformly among those that satisfy the declared constraints (by rejection: at most
   * {@link #SAMPLING_DRAWS} draws, then the error says so).
   */
  public Config sample(Random random) {
    if (constraints.isEmpty()) {
      return uniform(random);
    }
    for (int i = 0; i < SAMPLING_DRAWS; i++) {
      Config c = uniform(random);
      if (satisfies(c)) {
        return c;
      }
    }
    throw new InvalidSpaceException("none of " + SAMPLING_DRAWS + " random configs satisfies the constraints "
        + constraints.stream().map(Constraint::text).toList() + "; the feasible part of the space is too small to "
        + "sample: narrow the ranges around it");
  }

  /** Rejection draws per constrained sample. */
  static final int SAMPLING_DRAWS = 100_000;

  /** A config drawn uniformly in the unit cube, constraints ignored. */
  private Config uniform(Random random) {
    double[] u = new double[parameters.size()];
    for (int i = 0; i < u.length; i++) {
      u[i] = random.nextDouble();
    }
    return decode(u);
  }

  /** Number of distinct configs, or {@link Long#MAX_VALUE} when some parameter is continuous or it overflows. */
  public long cardinality() {
    long total = 1;
    for (Parameter p : parameters) {
      long c = p.cardinality();
      if (c == Long.MAX_VALUE || total > Long.MAX_VALUE / c) {
        return Long.MAX_VALUE;
      }
      total *= c;
    }
    return total;
  }

  private Config inSpaceOrder(Map<String, Object> active) {
    Map<String, Object> ordered = new LinkedHashMap<>();
    for (Parameter p : parameters) {
      Object v = active.get(p.name());
      if (v != null) {
        ordered.put(p.name(), v);
      }
    }
    return new Config(ordered);
  }

  private String describe(String name) {
    return "its condition " + conditions.get(name) + " does not hold";
  }

  private void checkConditions() {
    for (var e : conditions.entrySet()) {
      String child = e.getKey();
      if (!index.containsKey(child)) {
        throw new InvalidSpaceException("a condition is attached to unknown parameter '" + child
            + "'; define it under the space first");
      }
      checkCondition(child, e.getValue());
    }
  }

  private void checkCondition(String child, Condition c) {
    if (c instanceof Condition.In in) {
        if (!index.containsKey(in.parent())) {
          throw new InvalidSpaceException("parameter '" + child + "' depends on unknown parameter '" + in.parent()
              + "'; the space has " + index.keySet());
        }
        if (in.parent().equals(child)) {
          throw new InvalidSpaceException("parameter '" + child + "' cannot depend on itself");
        }
        Parameter parent = parameter(in.parent());
        if (in.values().isEmpty()) {
          throw new InvalidSpaceException("parameter '" + child + "': the condition on '" + in.parent()
              + "' lists no values");
        }
        for (Object v : in.values()) {
          if (!parent.contains(v)) {
            throw new InvalidSpaceException("parameter '" + child + "' depends on " + in.parent() + " = "
                + Names.describe(v) + ", a value '" + in.parent() + "' cannot take" + domainHint(parent));
          }
        }
    } else if (c instanceof Condition.AllOf all) {
      all.parts().forEach(p -> checkCondition(child, p));
    } else if (c instanceof Condition.AnyOf any) {
      any.parts().forEach(p -> checkCondition(child, p));
    }
  }

  private static String domainHint(Parameter p) {
    if (p instanceof CategoricalParameter c) {
      return " (its choices are " + c.choices() + ")";
    } else if (p instanceof OrdinalParameter o) {
      return " (its values are " + o.values() + ")";
    } else if (p instanceof FloatParameter f) {
      return " (it is a float on [" + f.low() + ", " + f.high() + "])";
    }
    IntParameter i = (IntParameter) p;
    return " (it is an integer on [" + i.low() + ", " + i.high() + "])";
  }

  /** Parents before children; fails with the cycle spelled out when there is one. */
  private List<Integer> topologicalOrder() {
    List<Integer> order = new ArrayList<>();
    int[] state = new int[parameters.size()]; // 0 new, 1 on stack, 2 done
    for (int i = 0; i < parameters.size(); i++) {
      visit(i, state, order, new ArrayDeque<>());
    }
    return List.copyOf(order);
  }

  private void visit(int i, int[] state, List<Integer> order, Deque<String> path) {
    if (state[i] == 2) {
      return;
    }
    String name = parameters.get(i).name();
    if (state[i] == 1) {
      List<String> cycle = new ArrayList<>(path);
      Collections.reverse(cycle);
      int from = cycle.indexOf(name);
      List<String> loop = new ArrayList<>(cycle.subList(from, cycle.size()));
      loop.add(name);
      throw new InvalidSpaceException("conditions form a cycle: " + String.join(" -> ", loop)
          + "; a parameter cannot (indirectly) depend on itself");
    }
    state[i] = 1;
    path.push(name);
    Condition c = conditions.get(name);
    if (c != null) {
      for (String parent : c.parents()) {
        visit(index.get(parent), state, order, path);
      }
    }
    path.pop();
    state[i] = 2;
    order.add(i);
  }

  @Override
  public String toString() {
    return "SearchSpace" + parameters + (conditions.isEmpty() ? "" : " when " + conditions)
        + (constraints.isEmpty() ? "" : " subject to " + constraints);
  }

  /** Collects parameters and conditions; several conditions on one child must all hold. */
  public static final class Builder {
    private final List<Parameter> parameters = new ArrayList<>();
    private final Map<String, List<Condition>> conditions = new LinkedHashMap<>();

    public Builder add(Parameter p) {
      parameters.add(p);
      return this;
    }

    /** {@code child} is active only when {@code parent} takes one of {@code values}. */
    public Builder when(String child, String parent, Object... values) {
      List<Object> normalised = new ArrayList<>();
      for (Object v : values) {
        normalised.add(Choices.normalise(child, v));
      }
      return condition(child, new Condition.In(parent, normalised));
    }

    public Builder condition(String child, Condition condition) {
      conditions.computeIfAbsent(child, k -> new ArrayList<>()).add(condition);
      return this;
    }

    public SearchSpace build() {
      Map<String, Condition> merged = new LinkedHashMap<>();
      conditions.forEach((child, list) -> merged.put(child, list.size() == 1 ? list.get(0) : new Condition.AllOf(list)));
      return new SearchSpace(parameters, merged);
    }
  }
}
