package io.dxrewrite.mechanism;

import io.dxrewrite.nn.NearestNeighbourIndex;

/**
 * The CMP mechanism of Feyisetan, Balle, Drake, Diethe, "Privacy- and Utility-Preserving Textual
 * Analysis via Calibrated Multivariate Perturbations", WSDM 2020, Algorithm 1: for each word w,
 * draw z = phi(w) + N with N from {@link MultivariateLaplaceNoise} (density proportional to
 * {@code exp(-epsilon ||N||)}), and output the vocabulary word nearest to z (exact search, ties to
 * the lowest id).
 *
 * <p>Guarantee (ibid., Theorem 1): for every pair of words w, w' and every output y, {@code
 * P[M(w)=y] <= exp(epsilon ||phi(w) - phi(w')||) P[M(w')=y]}. Over two texts of equal length the
 * epsilons add per position: {@code exp(epsilon Σ_i ||phi(w_i) - phi(w'_i)||)}. The selection
 * reads only the noisy vector z, so the snap to the nearest word is post-processing.
 */
public final class MultivariateLaplaceMechanism implements Mechanism {
  /** Command-line name. */
  public static final String NAME = "cmp";

  private final NearestWordSearch search;
  private final MultivariateLaplaceNoise noise;

  /**
   * @param index exact nearest-neighbour index over the output vocabulary
   * @param epsilon epsilon per word, finite and {@code > 0}
   * @throws io.dxrewrite.error.InvalidParameterException if epsilon is out of range
   */
  public MultivariateLaplaceMechanism(NearestNeighbourIndex index, double epsilon) {
    this(NearestWordSearch.of(index), index.dimension(), epsilon);
  }

  /**
   * @param search exact nearest-word search over the output vocabulary
   * @param dimension d
   * @param epsilon epsilon per word, finite and {@code > 0}
   * @throws io.dxrewrite.error.InvalidParameterException if epsilon is out of range
   */
  public MultivariateLaplaceMechanism(NearestWordSearch search, int dimension, double epsilon) {
    this.search = search;
    this.noise = new MultivariateLaplaceNoise(dimension, epsilon);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public double epsilon() {
    return noise.epsilon();
  }

  @Override
  public int[] perturb(WordBatch batch) {
    return search.nearest(noise.perturbAll(batch), batch.size(), batch.ids(), 1);
  }
}
