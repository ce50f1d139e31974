package io.dxrewrite.calibration;

/**
 * The epsilon at which a mechanism's median N_w (probability that a word comes back unchanged)
 * equals a target, with a bootstrap confidence interval.
 *
 * @param mechanism mechanism name
 * @param targetNw the target median N_w in (0, 1)
 * @param epsilon the calibrated epsilon per word
 * @param lower lower end of the 95% bootstrap interval of epsilon (resampling words)
 * @param upper upper end of the 95% bootstrap interval
 * @param measuredNw the median N_w measured at {@code epsilon}
 * @param words sampled words
 * @param trials trials per word
 * @param seed seed of the common random numbers
 */
public record Calibration(
    String mechanism,
    double targetNw,
    double epsilon,
    double lower,
    double upper,
    double measuredNw,
    int words,
    int trials,
    long seed) {}
