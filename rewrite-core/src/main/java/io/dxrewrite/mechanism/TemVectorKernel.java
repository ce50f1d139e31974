package io.dxrewrite.mechanism;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link TemScan.Kernel} with the Vector API (loaded only when {@code jdk.incubator.vector} is
 * present). The rows are transposed once per chunk so that one float64 vector holds component j of
 * L consecutive rows; each lane accumulates {@code (q_j - w_j)^2} in component order, so every
 * distance is bit-identical to the scalar float64 sum of {@code io.dxrewrite.nn.ExactDistances}.
 */
final class TemVectorKernel implements TemScan.Kernel {
  private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
  private static final int L = SPECIES.length();

  @Override
  public int rowPadding() {
    return 2 * L;
  }

  @Override
  public void transpose(double[] rows, int count, int d, double[] transposed) {
    int padded = padded(count);
    for (int r = 0; r < count; r++) {
      for (int j = 0; j < d; j++) {
        transposed[j * padded + r] = rows[r * d + j];
      }
    }
  }

  private static int padded(int count) {
    return (count + 2 * L - 1) / (2 * L) * (2 * L);
  }

  @Override
  public void squaredDistances(
      double[] q, double[] transposed, int count, int d, double[] out, int outOffset) {
    int padded = padded(count);
    double[] lanes = new double[2 * L];
    for (int r = 0; r < padded; r += 2 * L) {
      DoubleVector acc0 = DoubleVector.zero(SPECIES);
      DoubleVector acc1 = DoubleVector.zero(SPECIES);
      for (int j = 0; j < d; j++) {
        DoubleVector qj = DoubleVector.broadcast(SPECIES, q[j]);
        int base = j * padded + r;
        DoubleVector d0 = qj.sub(DoubleVector.fromArray(SPECIES, transposed, base));
        DoubleVector d1 = qj.sub(DoubleVector.fromArray(SPECIES, transposed, base + L));
        acc0 = acc0.add(d0.mul(d0));
        acc1 = acc1.add(d1.mul(d1));
      }
      int n = Math.min(2 * L, count - r);
      if (n == 2 * L) {
        acc0.intoArray(out, outOffset + r);
        acc1.intoArray(out, outOffset + r + L);
      } else {
        acc0.intoArray(lanes, 0);
        acc1.intoArray(lanes, L);
        System.arraycopy(lanes, 0, out, outOffset + r, n);
      }
    }
  }
}
