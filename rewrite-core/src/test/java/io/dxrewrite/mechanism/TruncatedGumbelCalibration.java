package io.dxrewrite.mechanism;

import io.dxrewrite.error.InvalidParameterException;
import java.util.Locale;

/**
 * The relation between epsilon and the Gumbel scale b of the truncated-Gumbel mechanism (Xu,
 * Feyisetan, Aggarwal, Xu, Teissier, "Density-Aware Differentially Private Textual Perturbations
 * Using Truncated Gumbel Noise", FLAIRS 2021).
 *
 * <p>The relation used is the one of the only public implementation of the mechanism (the
 * authors' Python code as redistributed in the MLDP package, class {@code TruncatedGumbel}):
 * with {@code a = (epsilon - 2 (1 + ln |V|) / deltaMin) / 3} it sets {@code b = 2 deltaMax /
 * min(W(2 a deltaMax), ln(a deltaMin))}, W the Lambert W function. Inverted, this reads
 *
 * <pre>epsilon(b) = 2 (1 + ln |V|) / deltaMin + 3 exp(2 deltaMax / b) / min(b, deltaMin).</pre>
 *
 * epsilon(b) is strictly decreasing in b with limit {@code (2 (1 + ln |V|) + 3) / deltaMin} as b
 * grows, so b is found by bisection on this closed form, with no Lambert W. Below that limit the
 * statement covers no b at all, and the public code silently takes the real part of a complex
 * Lambert W there; we refuse instead, giving the smallest allowed epsilon. The paper's full text
 * was not reachable from our build machines, so the relation was checked against the public code;
 * the exact metric-DP tests on toy vocabularies check the inequality it is meant to guarantee.
 */
public final class TruncatedGumbelCalibration {
  private TruncatedGumbelCalibration() {}

  /**
   * @param vocabularySize |V|
   * @param deltaMin smallest non-zero distance between two words
   * @return the infimum of the epsilons the privacy statement covers (exclusive)
   */
  public static double minimumEpsilon(int vocabularySize, double deltaMin) {
    return (2 * (1 + Math.log(vocabularySize)) + 3) / deltaMin;
  }

  /**
   * @param b Gumbel scale, {@code > 0}
   * @param vocabularySize |V|
   * @param deltaMin smallest non-zero distance between two words
   * @param deltaMax largest distance between two words (or an upper bound on it)
   * @return the epsilon per word that scale b provides
   */
  public static double epsilonForScale(
      double b, int vocabularySize, double deltaMin, double deltaMax) {
    return 2 * (1 + Math.log(vocabularySize)) / deltaMin
        + 3 * Math.exp(2 * deltaMax / b) / Math.min(b, deltaMin);
  }

  /**
   * Solves {@link #epsilonForScale} for b.
   *
   * @param epsilon epsilon per word
   * @param vocabularySize |V|
   * @param deltaMin smallest non-zero distance between two words
   * @param deltaMax largest distance between two words (or an upper bound on it)
   * @return the scale b with {@code epsilonForScale(b) = epsilon} (to 1e-12 relative)
   * @throws InvalidParameterException if epsilon is not above {@link #minimumEpsilon}
   */
  public static double scaleForEpsilon(
      double epsilon, int vocabularySize, double deltaMin, double deltaMax) {
    double min = minimumEpsilon(vocabularySize, deltaMin);
    if (!(epsilon > min) || !Double.isFinite(epsilon)) {
      throw new InvalidParameterException(
          String.format(
              Locale.ROOT,
              "epsilon %s is below the regime of the truncated-Gumbel privacy statement for this"
                  + " vocabulary (|V| = %d, deltaMin = %.6g); truncated-gumbel needs epsilon >"
                  + " %.6g",
              epsilon,
              vocabularySize,
              deltaMin,
              min));
    }
    double lo = Math.log(1e-300);
    double hi = Math.log(1e300);
    for (int i = 0; i < 400 && hi - lo > 1e-13; i++) {
      double mid = (lo + hi) / 2;
      double eps = epsilonForScale(Math.exp(mid), vocabularySize, deltaMin, deltaMax);
      if (eps > epsilon) {
        lo = mid; // too little noise: grow b
      } else {
        hi = mid;
      }
    }
    return Math.exp(hi);
  }
}
