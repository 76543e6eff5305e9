package dev.asap.optimizer;

import java.util.Random;

/**
 * Seeded randomness for tools that must give the same proposal for the same seed and history.
 *
 * <p>{@code new Random(seed + trialIndex)} is not enough: java.util.Random's first outputs for consecutive
 * seeds are nearly equal, so such a "random" search would keep one coordinate almost fixed. Seeds are
 * therefore passed through the SplitMix64 finaliser, which spreads neighbouring inputs over all 64 bits.
 */
public final class Seeds {
  private Seeds() {}

  /** A well-mixed 64-bit value from any number of inputs. */
  public static long mix(long... parts) {
    long h = 0x9E3779B97F4A7C15L;
    for (long p : parts) {
      h = splitMix(h ^ splitMix(p));
    }
    return h;
  }

  /** A generator for one call of a seeded tool, e.g. {@code Seeds.random(seed, history.size())}. */
  public static Random random(long... parts) {
    return new Random(mix(parts));
  }

  private static long splitMix(long z) {
    z += 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
