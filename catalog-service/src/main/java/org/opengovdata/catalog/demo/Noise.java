package org.opengovdata.catalog.demo;

/**
 * Deterministic pseudo-random numbers derived from a seed and the identity of what is generated
 * (region, year, code…), not from a sequence: the same item always gets the same value whatever is
 * generated before it, at any scale.
 */
final class Noise {

  private final long seed;

  Noise(long seed) {
    this.seed = seed;
  }

  /** Uniform in [0, 1) for these parts. */
  double unit(Object... parts) {
    long h = mix(seed);
    for (Object part : parts) {
      h = mix(h ^ (part instanceof Number n ? n.longValue() : String.valueOf(part).hashCode()));
    }
    return (h >>> 11) * 0x1.0p-53;
  }

  /** 64 random bits for these parts (ids). */
  long bits(Object... parts) {
    long h = mix(seed);
    for (Object part : parts) {
      h = mix(h ^ (part instanceof Number n ? n.longValue() : String.valueOf(part).hashCode()));
    }
    return h;
  }

  /** Uniform in [from, to). */
  double between(double from, double to, Object... parts) {
    return from + (to - from) * unit(parts);
  }

  /** SplitMix64's finaliser. */
  private static long mix(long z) {
    z += 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
