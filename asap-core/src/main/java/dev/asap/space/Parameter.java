package dev.asap.space;

/**
 * One tunable knob of a search space.
 *
 * <p>Every parameter maps its values to and from the unit interval so that optimizers can work on a
 * common cube. Values are {@link Double} for floats, {@link Long} for integers, and the declared
 * choice objects (String, Long, Double or Boolean) for categorical and ordinal parameters.
 */
public sealed interface Parameter
    permits FloatParameter, IntParameter, CategoricalParameter, OrdinalParameter {

  String name();

  /** Maps a valid value to [0, 1]. */
  double toUnit(Object value);

  /** Maps any number in [0, 1] (clamped otherwise) to a valid value. */
  Object fromUnit(double unit);

  /** Converts a loosely typed value (e.g. an Integer from JSON) to this parameter's canonical type, or fails. */
  Object canonical(Object value);

  /** True when {@code value} is already canonical and inside the domain. */
  boolean contains(Object value);

  /** Number of distinct values, or {@link Long#MAX_VALUE} for continuous parameters. */
  long cardinality();

  /** True for parameters whose values have no order (models should not treat them as numbers). */
  default boolean isCategorical() {
    return false;
  }

  static double clampUnit(double u) {
    if (Double.isNaN(u)) {
      throw new IllegalArgumentException("unit value is NaN");
    }
    return Math.min(1.0, Math.max(0.0, u));
  }
}
