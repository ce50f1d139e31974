package io.dxrewrite.random;

import java.util.random.RandomGenerator;

/**
 * Adapts a {@link RandomGenerator} to Apache Commons Math's generator interface, so that its
 * distributions (for example {@code GammaDistribution}) draw from our secure or seeded sources.
 * Seeding through this adapter is refused: the stream belongs to the wrapped generator.
 */
public final class CommonsMathRandom implements org.apache.commons.math3.random.RandomGenerator {
  private final RandomGenerator delegate;

  /**
   * @param delegate the source of all bits
   */
  public CommonsMathRandom(RandomGenerator delegate) {
    this.delegate = delegate;
  }

  @Override
  public void setSeed(int seed) {
    throw new UnsupportedOperationException("seed the wrapped generator instead");
  }

  @Override
  public void setSeed(int[] seed) {
    throw new UnsupportedOperationException("seed the wrapped generator instead");
  }

  @Override
  public void setSeed(long seed) {
    throw new UnsupportedOperationException("seed the wrapped generator instead");
  }

  @Override
  public void nextBytes(byte[] bytes) {
    delegate.nextBytes(bytes);
  }

  @Override
  public int nextInt() {
    return delegate.nextInt();
  }

  @Override
  public int nextInt(int n) {
    return delegate.nextInt(n);
  }

  @Override
  public long nextLong() {
    return delegate.nextLong();
  }

  @Override
  public boolean nextBoolean() {
    return delegate.nextBoolean();
  }

  @Override
  public float nextFloat() {
    return delegate.nextFloat();
  }

  @Override
  public double nextDouble() {
    return delegate.nextDouble();
  }

  @Override
  public double nextGaussian() {
    return delegate.nextGaussian();
  }
}
