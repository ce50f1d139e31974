package io.dxrewrite.nlu.accounting;

/**
 * Tracks the privacy a record has spent over a sequence of randomized steps and reports it as
 * (epsilon, delta)-DP. Implementations are thread-safe, so one instance can be shared by the
 * threads of a training job or a server's ledger.
 */
public interface PrivacyAccountant {
  /**
   * Composes {@code steps} applications of the Poisson-subsampled Gaussian mechanism (one DP-SGD
   * step each).
   *
   * @param samplingRate q in [0, 1]: each record joins a step's batch independently with this
   *     probability
   * @param noiseMultiplier sigma >= 0: noise standard deviation divided by the L2 sensitivity
   * @param steps number of steps, >= 0
   * @throws io.dxrewrite.error.InvalidParameterException on a parameter outside its range
   */
  void composePoissonGaussian(double samplingRate, double noiseMultiplier, long steps);

  /**
   * @param delta target delta in (0, 1)
   * @return the epsilon spent so far at that delta (0 before any step)
   * @throws io.dxrewrite.error.InvalidParameterException if delta is outside (0, 1)
   */
  PrivacySpent spent(double delta);

  /**
   * @param delta target delta in (0, 1)
   * @return {@code spent(delta).epsilon()}
   */
  default double epsilon(double delta) {
    return spent(delta).epsilon();
  }
}
