package io.dxrewrite.calibration;

/**
 * The epsilon at which a mechanism's text-level N_w equals a target, with a bootstrap confidence
 * interval, and the vocabulary median N_w at that epsilon as a second figure.
 *
 * <p>Text-level N_w ("the share of a typical text's words that come back unchanged") is
 * E_{w ~ Zipf}[N_w], N_w being the probability that word w comes back unchanged (Feyisetan et al.,
 * WSDM 2020, Sec. 5.2) and the prior over words the Zipf prior of {@link ZipfWordSample}. The
 * vocabulary median N_w (the target's meaning before issue 14) weighs every vocabulary word alike,
 * so rare words, which text seldom contains, dominate it; the two figures differ at one epsilon.
 *
 * @param mechanism mechanism name
 * @param targetNw the target text-level N_w in (0, 1)
 * @param epsilon the calibrated epsilon per word
 * @param lower lower end of the 95% bootstrap interval of epsilon (resampling the drawn words)
 * @param upper upper end of the 95% bootstrap interval
 * @param measuredNw the text-level N_w measured at {@code epsilon} on the calibration's sample
 * @param vocabularyMedianNw the median N_w over uniformly sampled vocabulary words at {@code
 *     epsilon} ({@link EpsilonCalibrator#VOCABULARY_WORDS} words x {@link
 *     EpsilonCalibrator#VOCABULARY_TRIALS} trials)
 * @param words words drawn from the Zipf prior (with replacement)
 * @param trials trials per drawn word
 * @param seed seed of the sample and the common random numbers
 */
public record Calibration(
    String mechanism,
    double targetNw,
    double epsilon,
    double lower,
    double upper,
    double measuredNw,
    double vocabularyMedianNw,
    int words,
    int trials,
    long seed) {

  /**
   * @param words drawn words requested
   * @param trials trials per word requested
   * @return whether this calibration is at least as precise as one with these settings would be:
   *     it drew at least as many words, each with at least as many trials
   */
  public boolean atLeastAsPreciseAs(int words, int trials) {
    return this.words >= words && this.trials >= trials;
  }

  /**
   * The one line the CLI and the Spark job print after calibrating, e.g. {@code target text N_w
   * 0.5 -> epsilon 9.87 (95% interval 9.5 - 10.2; vocabulary median N_w 0.310; 4000 Zipf-drawn
   * words x 1 trials)}.
   *
   * @return the target, the calibrated epsilon per word with its interval, the vocabulary median
   *     N_w and the sample size, without a trailing newline
   */
  public String summary() {
    return String.format(
        java.util.Locale.ROOT,
        "target text N_w %s -> epsilon %.4g (95%% interval %.4g - %.4g; vocabulary median N_w"
            + " %.3f; %d Zipf-drawn words x %d trials)",
        targetNw, epsilon, lower, upper, vocabularyMedianNw, words, trials);
  }
}
