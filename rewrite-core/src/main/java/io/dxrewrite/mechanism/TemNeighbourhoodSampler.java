package io.dxrewrite.mechanism;

import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * Samples TEM's closed form {@code P[M(x) = y] ∝ w(y) = exp(-(epsilon/2) min(d(x,y), gamma))} on
 * the output vocabulary O exactly, from the K nearest words of x alone, by rejection (von
 * Neumann): no scan of the vocabulary, about 1 KB per word, so that a process can keep the
 * samplers of every word of a corpus.
 *
 * <p>Head H: the words of O among the K nearest words of x in V, with their weights; r: the
 * float64 distance of the (K+1)-th nearest word of V, so every word of the tail {@code T = O \ H}
 * has {@code d(x,y) >= r} and {@code w(y) <= b = exp(-(epsilon/2) min(r, gamma))}. Proposal Q:
 * {@code q(y) = w(y)} on H and {@code q(y) = b} on T (total {@code W_H + |T| b}, known without a
 * scan); a head proposal is accepted always, a tail proposal y with probability {@code w(y)/b},
 * decided on the exact float64 distance (compared in squares, stopping as soon as the partial sum
 * settles the comparison). The accepted draw has law {@code q(y) min(1, w(y)/q(y))
 * ∝ w(y)} on O: exactly TEM's law (up to float64 rounding), equal in distribution to Algorithm 1 of
 * Carvalho et al. ({@link TemSampler} proves the closed form). Expected proposals per draw: {@code
 * (W_H + |T| b) / (W_H + W_T)}, at most about |O| (the cost of one scan) and usually a few dozen on
 * GloVe. The time per draw therefore depends on the word, which is why the multi-tenant server
 * uses {@link TemSampler} after a full scan instead.
 *
 * <p>Immutable and thread-safe.
 */
final class TemNeighbourhoodSampler implements TemDraw {
  private final float[] point;
  private final FloatBuffer matrix;
  private final int d;
  private final double half;
  private final double gamma;
  private final int[] head;
  private final int[] headSorted;
  private final double[] headCumulative;
  private final double headMass;
  private final double bound;
  private final int tailCount;
  private final int[] outputs;
  private final int outputCount;

  /**
   * @param point x, {@code float[d]} (kept)
   * @param matrix the store's matrix, {@code float[V*d]} row-major
   * @param d dimension
   * @param epsilon epsilon per word
   * @param gamma the truncation radius
   * @param head ids of O among the K nearest words of x in V
   * @param headDistances their float64 distances to x
   * @param boundDistance a lower bound on {@code d(x,y)} for every y of O outside the head
   * @param outputs ascending ids of O, or null for all of V
   * @param outputCount |O|
   */
  TemNeighbourhoodSampler(float[] point, FloatBuffer matrix, int d, double epsilon, double gamma,
      int[] head, double[] headDistances, double boundDistance, int[] outputs, int outputCount) {
    this.point = point;
    this.matrix = matrix;
    this.d = d;
    this.half = epsilon / 2;
    this.gamma = gamma;
    this.head = head;
    this.headSorted = head.clone();
    Arrays.sort(headSorted);
    this.headCumulative = new double[head.length];
    double sum = 0;
    for (int i = 0; i < head.length; i++) {
      sum += weight(headDistances[i]);
      headCumulative[i] = sum;
    }
    this.headMass = sum;
    this.tailCount = outputCount - head.length;
    this.bound = tailCount == 0 ? 0 : weight(boundDistance);
    this.outputs = outputs;
    this.outputCount = outputCount;
  }

  private double weight(double distance) {
    return Math.exp(-half * Math.min(distance, gamma));
  }

  /**
   * @return whether the proposal's total mass is a usable positive number (false when every weight
   *     underflowed, at extreme epsilons: then the caller scans)
   */
  boolean usable() {
    double total = headMass + tailCount * bound;
    return total > 0 && Double.isFinite(total) && (tailCount == 0 || bound > 0);
  }

  /**
   * @param random randomness of this occurrence
   * @return the output vocabulary id
   */
  @Override
  public int sample(RandomGenerator random) {
    double total = headMass + tailCount * bound;
    while (true) {
      double u = random.nextDouble() * total;
      if (u < headMass) {
        int lo = 0;
        int hi = head.length - 1;
        while (lo < hi) {
          int mid = (lo + hi) >>> 1;
          if (headCumulative[mid] > u) {
            hi = mid;
          } else {
            lo = mid + 1;
          }
        }
        return head[lo];
      }
      int y;
      do {
        int k = random.nextInt(outputCount);
        y = outputs == null ? k : outputs[k];
      } while (Arrays.binarySearch(headSorted, y) >= 0);
      // accept iff U b < exp(-(eps/2) min(d, gamma)), i.e. iff min(d, gamma) < t with
      // t = -(2/eps) ln(U b): always when t > gamma, else iff d^2 < t^2, which the partial sum
      // of squares (non-decreasing) settles as soon as it reaches t^2
      double t = -Math.log(random.nextDouble() * bound) / half;
      if (t > gamma || closerThan(y, t * t)) {
        return y;
      }
    }
  }

  /** Whether the float64 squared distance from x to word y is below {@code limit}. */
  private boolean closerThan(int y, double limit) {
    double sum = 0;
    int base = y * d;
    for (int j = 0; j < d; j++) {
      double diff = (double) point[j] - matrix.get(base + j);
      sum += diff * diff;
      if (sum >= limit) {
        return false;
      }
    }
    return true;
  }

  /**
   * @return approximate heap bytes held (arrays and headers), for the cache budget
   */
  @Override
  public long bytes() {
    return 96L + 4L * point.length + 16L * head.length;
  }
}
