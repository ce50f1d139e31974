package io.dxrewrite.calibration;

import java.util.Arrays;

/**
 * Plausible-deniability statistics of one mechanism at one epsilon over a sample of words
 * (Feyisetan, Balle, Drake, Diethe, WSDM 2020, Sec. 5.2): per word, N_w, the probability that the
 * word comes back unchanged, and S_w, the number of distinct outputs over the trials.
 *
 * @param mechanism mechanism name
 * @param epsilon epsilon per word
 * @param words {@code int[n]}: the sampled word ids
 * @param trials mechanism runs per word
 * @param unchanged {@code double[n]}: N_w per word, the fraction of trials that returned the word
 * @param distinct {@code int[n]}: S_w per word, the number of distinct outputs
 */
public record DeniabilityEstimate(
    String mechanism,
    double epsilon,
    int[] words,
    int trials,
    double[] unchanged,
    int[] distinct) {

  /**
   * @param q quantile in [0, 1]
   * @return the q-quantile of N_w over the sampled words (linear interpolation)
   */
  public double unchangedQuantile(double q) {
    return quantile(unchanged.clone(), q);
  }

  /**
   * The text-level N_w when {@link #words()} were drawn from a frequency prior (see {@link
   * ZipfWordSample}): the mean of N_w over the drawn words, an unbiased estimate of the probability
   * that a word of a typical text comes back unchanged.
   *
   * @return the mean of {@link #unchanged()}, in [0, 1]
   */
  public double unchangedMean() {
    return Arrays.stream(unchanged).average().orElse(Double.NaN);
  }

  /**
   * @param q quantile in [0, 1]
   * @return the q-quantile of S_w over the sampled words (linear interpolation)
   */
  public double distinctQuantile(double q) {
    return quantile(Arrays.stream(distinct).asDoubleStream().toArray(), q);
  }

  /**
   * @param values sample (sorted in place)
   * @param q quantile in [0, 1]
   * @return the q-quantile with linear interpolation between order statistics
   */
  static double quantile(double[] values, double q) {
    Arrays.sort(values);
    if (values.length == 0) {
      return Double.NaN;
    }
    double pos = q * (values.length - 1);
    int lo = (int) Math.floor(pos);
    int hi = Math.min(lo + 1, values.length - 1);
    return values[lo] + (pos - lo) * (values[hi] - values[lo]);
  }
}
