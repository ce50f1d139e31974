package io.dxrewrite.nlu.dpsgd;

import io.dxrewrite.error.DxPreconditions;

/**
 * The parameters of one DP-SGD run (Abadi et al. 2016).
 *
 * @param clippingNorm C > 0: per-example gradient L2 bound
 * @param noiseMultiplier sigma >= 0: noise standard deviation is sigma * C
 * @param samplingRate q in (0, 1]: Poisson sampling rate, expected batch / N
 * @param expectedBatchSize qN, the divisor of the noised sum (fixed, so that the size of the
 *     sampled batch is not revealed)
 */
public record DpSgdParameters(
    double clippingNorm, double noiseMultiplier, double samplingRate, double expectedBatchSize) {
  /** Checks the ranges. */
  public DpSgdParameters {
    DxPreconditions.checkArgument(clippingNorm > 0 && Double.isFinite(clippingNorm),
        "clipping norm must be a finite number > 0, got " + clippingNorm);
    DxPreconditions.checkArgument(noiseMultiplier >= 0 && Double.isFinite(noiseMultiplier),
        "noise multiplier must be a finite number >= 0, got " + noiseMultiplier);
    DxPreconditions.checkArgument(samplingRate > 0 && samplingRate <= 1,
        "sampling rate must be in (0, 1], got " + samplingRate);
    DxPreconditions.checkArgument(expectedBatchSize > 0,
        "expected batch size must be > 0, got " + expectedBatchSize);
  }
}
