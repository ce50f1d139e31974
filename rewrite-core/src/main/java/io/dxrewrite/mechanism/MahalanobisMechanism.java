package io.dxrewrite.mechanism;

import io.dxrewrite.nn.NearestNeighbourIndex;

/**
 * The regularised Mahalanobis mechanism (Xu, Aggarwal, Feyisetan, Teissier, "A Differentially
 * Private Text Perturbation Method Using a Regularized Mahalanobis Metric", PrivateNLP 2020,
 * Algorithm 1): z = phi(w) + {@link MahalanobisNoise}, output the nearest vocabulary word to z.
 * The noise is stretched along the directions in which the embedding varies most, so a word in a
 * sparse region is pushed towards its semantic neighbours rather than in every direction.
 *
 * <p>Guarantee (ibid., Theorem 1): metric DP with respect to the regularised Mahalanobis norm,
 * {@code P[M(w)=y] <= exp(epsilon ||A^-1 (phi(w) - phi(w'))||) P[M(w')=y]} with {@code A = (lambda
 * Sigma + (1-lambda) I)^(1/2)}. In Euclidean terms this is at most {@code exp(epsilon
 * ||phi(w)-phi(w')|| / sqrt(lambda_min(A^2)))}, with {@code lambda_min(A^2) = lambda mu_min +
 * 1 - lambda} and mu_min the smallest eigenvalue of Sigma: {@link #euclideanEpsilon()}, what the
 * ledger charges (proof at {@link MahalanobisNoise#euclideanEpsilon()}). The selection reads only
 * z. {@code lambda = 0} is CMP exactly.
 */
public final class MahalanobisMechanism implements Mechanism {
  /** Command-line name. */
  public static final String NAME = "mahalanobis";

  /** Default regularisation (ibid., Sec. 4). */
  public static final double DEFAULT_LAMBDA = 0.2;

  private final NearestWordSearch search;
  private final NoiseSampler noise;

  /**
   * @param index exact index over the output vocabulary
   * @param noise the elliptical {@link MahalanobisNoise} (carries epsilon and lambda), or CMP
   *     noise when lambda = 0
   */
  public MahalanobisMechanism(NearestNeighbourIndex index, NoiseSampler noise) {
    this(NearestWordSearch.of(index), noise);
  }

  /**
   * @param search exact nearest-word search over the output vocabulary
   * @param noise the elliptical noise, or CMP noise when lambda = 0
   */
  public MahalanobisMechanism(NearestWordSearch search, NoiseSampler noise) {
    this.search = search;
    this.noise = noise;
  }

  /**
   * @return the additive noise (carries epsilon, and for {@link MahalanobisNoise} lambda and A,
   *     which define the metric of the guarantee)
   */
  public NoiseSampler noise() {
    return noise;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public double epsilon() {
    return noise.epsilon();
  }

  /** The noise's Euclidean-equivalent epsilon ({@link NoiseSampler#euclideanEpsilon()}). */
  @Override
  public double euclideanEpsilon() {
    return noise.euclideanEpsilon();
  }

  @Override
  public int[] perturb(WordBatch batch) {
    return search.nearest(noise.perturbAll(batch), batch.size(), batch.ids(), 1);
  }
}
