package io.dxrewrite.nlu.train;

/**
 * The privacy of a DP-SGD run.
 *
 * @param epsilon the epsilon spent (RDP accountant, Poisson-subsampled Gaussian)
 * @param delta its delta
 * @param noiseMultiplier sigma
 * @param clippingNorm C
 * @param samplingRate q
 * @param steps the number of noisy steps taken
 */
public record DpSummary(
    double epsilon, double delta, double noiseMultiplier, double clippingNorm,
    double samplingRate, long steps) {}
