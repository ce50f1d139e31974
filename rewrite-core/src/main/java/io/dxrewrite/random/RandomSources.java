package io.dxrewrite.random;

import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * Where mechanisms get their randomness. Production default: {@link #secure()}, a ChaCha20
 * keystream keyed with 256 bits from {@link java.security.SecureRandom} ({@link ChaCha20Random},
 * the construction of Linux's getrandom and OpenBSD's arc4random). A seed is for tests and audits
 * only: {@link #seeded(long, long)} gives a
 * reproducible, non-cryptographic stream, and every privacy report says when one was used.
 */
public final class RandomSources {
  private RandomSources() {}

  /**
   * A fresh cryptographically secure generator. Independent generators share no lock (unlike the
   * JDK's NativePRNG, whose instances share one), so noise for different records can be drawn on
   * several cores at once.
   *
   * @return a {@link ChaCha20Random} keyed from a new {@link java.security.SecureRandom}; not
   *     thread-safe
   */
  public static RandomGenerator secure() {
    return ChaCha20Random.fromSecureRandom();
  }

  /**
   * A reproducible stream for one record, derived from a caller's seed and a stable record key
   * (its position in the input), so that output does not depend on how records are batched.
   *
   * @param seed the caller's seed
   * @param recordKey stable key of the record, e.g. its 0-based line number
   * @return a {@link SplittableRandom} seeded from (seed, recordKey); not for production use
   */
  public static RandomGenerator seeded(long seed, long recordKey) {
    return new SplittableRandom(mix(seed ^ mix(recordKey + 0x9E3779B97F4A7C15L)));
  }

  /** The SplitMix64 finaliser (Steele, Lea, Flood, OOPSLA 2014). */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
