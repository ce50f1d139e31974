package io.dxrewrite.nlu.dpsgd;

import io.dxrewrite.error.DxPreconditions;
import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * Poisson sampling: every one of N records joins the batch independently with probability q, so
 * batches vary in size and may be empty; this is the sampling the RDP accountant's
 * subsampled-Gaussian analysis assumes. Gaps between chosen indices are drawn from the geometric
 * distribution, which costs O(qN) random numbers rather than O(N).
 */
public final class PoissonSampler {
  private PoissonSampler() {}

  /**
   * @param n N, the number of records
   * @param q sampling rate in [0, 1]
   * @param random the randomness (secure by default in training)
   * @return the chosen indices, ascending, possibly empty
   */
  public static int[] sample(int n, double q, RandomGenerator random) {
    DxPreconditions.checkInRange("sampling rate q", q, 0, 1);
    if (q == 0 || n == 0) {
      return new int[0];
    }
    int[] out = new int[Math.max(16, (int) Math.min(n, 2 * q * n + 16))];
    int size = 0;
    if (q == 1) {
      out = new int[n];
      for (int i = 0; i < n; i++) {
        out[i] = i;
      }
      return out;
    }
    double logOneMinusQ = Math.log1p(-q);
    long index = -1;
    while (true) {
      double u = 1 - random.nextDouble(); // (0, 1]
      long skip = (long) Math.floor(Math.log(u) / logOneMinusQ);
      index += skip + 1;
      if (index >= n) {
        break;
      }
      if (size == out.length) {
        out = Arrays.copyOf(out, Math.min(n, out.length * 2));
      }
      out[size++] = (int) index;
    }
    return Arrays.copyOf(out, size);
  }
}
