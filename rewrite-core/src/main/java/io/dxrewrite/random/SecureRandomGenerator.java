package io.dxrewrite.random;

import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.random.RandomGenerator;

/**
 * A {@link RandomGenerator} whose every bit comes from {@link SecureRandom}, fetched 4 KiB at a
 * time so that drawing a 100-dimensional Gaussian does not cost hundreds of calls into the
 * provider. {@code nextDouble} and {@code nextGaussian} are the JDK's default derivations from
 * {@link #nextLong()} (the latter a ziggurat sampler).
 *
 * <p>Not thread-safe: create one per request (see {@link RandomSources#secure()}).
 */
public final class SecureRandomGenerator implements RandomGenerator {
  private static final int BUFFER_BYTES = 4096;
  private final SecureRandom source;
  private final ByteBuffer buffer = ByteBuffer.allocate(BUFFER_BYTES);

  /**
   * @param source the cryptographically secure source of all bits
   */
  public SecureRandomGenerator(SecureRandom source) {
    this.source = source;
    buffer.position(BUFFER_BYTES);
  }

  @Override
  public long nextLong() {
    if (buffer.remaining() < Long.BYTES) {
      source.nextBytes(buffer.array());
      buffer.clear();
    }
    return buffer.getLong();
  }
}
