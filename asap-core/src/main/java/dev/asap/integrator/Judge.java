package dev.asap.integrator;

/**
 * Picks, each round, the one proposal to evaluate among the pool's proposals, and says why. There is one
 * method: every judge, and every judge that wraps another (a fallback, a regime switch), sees the whole
 * {@link Round}.
 */
public interface Judge {

  String name();

  /** The verdict's index points into {@code round.candidates()}. */
  Verdict choose(Round round);
}
