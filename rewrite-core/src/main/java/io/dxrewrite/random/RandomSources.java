package io.dxrewrite.random;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * Where mechanisms get their randomness. Production default: {@link #secure()}, a ChaCha20
 * keystream keyed with 256 bits from {@link java.security.SecureRandom} ({@link ChaCha20Random},
 * the construction of Linux's getrandom and OpenBSD's arc4random). A seed is for tests and audits
 * only: {@link #seeded(long, StreamPurpose, long)} gives a reproducible, non-cryptographic stream,
 * separate for each {@link StreamPurpose}, and every privacy report says when one was used.
 */
public final class RandomSources {
  private static final byte[] DOMAIN =
      "dx-rewrite/seeded-stream/v1".getBytes(StandardCharsets.US_ASCII);

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
   * A reproducible stream derived from a caller's seed, the purpose it serves and a stable key
   * (for rewriting, the record's position in the input, so that output does not depend on how
   * records are batched).
   *
   * <p>Derivation: the first 8 bytes of SHA-256("dx-rewrite/seeded-stream/v1" || 0x00 || label ||
   * 0x00 || seed (8 bytes, big-endian) || key (8 bytes, big-endian)) seed a {@link
   * SplittableRandom}. The label is what separates purposes: the same seed under {@link
   * StreamPurpose#REWRITE} and {@link StreamPurpose#DP_SGD} gives unrelated streams, while the
   * same (seed, purpose, key) always gives the same stream. A seed is not a secret key: whoever
   * knows it can recompute every draw, which is why seeded output is reported as seeded.
   *
   * @param seed the caller's seed
   * @param purpose what the stream is for
   * @param key stable key within that purpose, e.g. the 0-based record number
   * @return a {@link SplittableRandom}; not for production use
   */
  public static RandomGenerator seeded(long seed, StreamPurpose purpose, long key) {
    return new SplittableRandom(derive(seed, purpose, key));
  }

  /** The 64-bit seed of a stream, see {@link #seeded(long, StreamPurpose, long)}. */
  static long derive(long seed, StreamPurpose purpose, long key) {
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform provides SHA-256", e);
    }
    sha.update(DOMAIN);
    sha.update((byte) 0);
    sha.update(purpose.label().getBytes(StandardCharsets.US_ASCII));
    sha.update((byte) 0);
    sha.update(ByteBuffer.allocate(16).putLong(seed).putLong(key).array());
    return ByteBuffer.wrap(sha.digest()).getLong();
  }
}
