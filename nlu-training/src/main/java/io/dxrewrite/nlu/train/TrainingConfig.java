package io.dxrewrite.nlu.train;

import io.dxrewrite.error.DxPreconditions;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * How to train a {@link io.dxrewrite.nlu.model.TopicClassifier}.
 *
 * @param hiddenUnits h, hidden ReLU units
 * @param epochs passes over the data (for DP: N / batch Poisson-sampled steps each)
 * @param batchSize the batch size (for DP: the expected batch size qN)
 * @param learningRate the optimizer's step size
 * @param optimizer "adam" or "sgd"
 * @param dp whether to train with DP-SGD
 * @param targetEpsilon for DP: the (epsilon, delta) target the noise multiplier is calibrated to
 * @param delta for DP: delta
 * @param clippingNorm for DP: C
 * @param noiseMultiplier for DP: a fixed sigma instead of calibrating to targetEpsilon
 * @param seed a seed for reproducible runs (tests, audits); empty: sampling and noise from
 *     SecureRandom
 */
public record TrainingConfig(
    int hiddenUnits, int epochs, int batchSize, double learningRate, String optimizer, boolean dp,
    double targetEpsilon, double delta, double clippingNorm, OptionalDouble noiseMultiplier,
    OptionalLong seed) {
  /** Checks the ranges. */
  public TrainingConfig {
    DxPreconditions.checkAtLeast("hidden units", hiddenUnits, 1);
    DxPreconditions.checkAtLeast("epochs", epochs, 1);
    DxPreconditions.checkAtLeast("batch size", batchSize, 1);
    DxPreconditions.checkOneOf("optimizer", optimizer, java.util.List.of("adam", "sgd"));
    if (dp) {
      DxPreconditions.checkArgument(delta > 0 && delta < 1, "delta must be in (0, 1), got " + delta);
      DxPreconditions.checkArgument(clippingNorm > 0,
          "clipping norm must be > 0, got " + clippingNorm);
      DxPreconditions.checkArgument(noiseMultiplier.isPresent() || targetEpsilon > 0,
          "target epsilon must be > 0, got " + targetEpsilon);
    }
  }

  /** @return defaults: 128 hidden units, 10 epochs, batch 256, Adam 0.005, non-private */
  public static TrainingConfig nonPrivate() {
    return new TrainingConfig(128, 10, 256, 0.005, "adam", false, 0, 0, 0,
        OptionalDouble.empty(), OptionalLong.empty());
  }

  /**
   * @param targetEpsilon epsilon > 0
   * @param delta delta in (0, 1)
   * @param clippingNorm C > 0
   * @return a DP copy of this configuration, sigma calibrated to (targetEpsilon, delta)
   */
  public TrainingConfig withDp(double targetEpsilon, double delta, double clippingNorm) {
    return new TrainingConfig(hiddenUnits, epochs, batchSize, learningRate, optimizer, true,
        targetEpsilon, delta, clippingNorm, OptionalDouble.empty(), seed);
  }

  /**
   * @param newEpochs epochs
   * @param newBatchSize (expected) batch size
   * @param newLearningRate step size
   * @return a copy with these values
   */
  public TrainingConfig withSchedule(int newEpochs, int newBatchSize, double newLearningRate) {
    return new TrainingConfig(hiddenUnits, newEpochs, newBatchSize, newLearningRate, optimizer, dp,
        targetEpsilon, delta, clippingNorm, noiseMultiplier, seed);
  }

  /**
   * @param newSeed a seed, or empty for SecureRandom
   * @return a copy with this seed
   */
  public TrainingConfig withSeed(OptionalLong newSeed) {
    return new TrainingConfig(hiddenUnits, epochs, batchSize, learningRate, optimizer, dp,
        targetEpsilon, delta, clippingNorm, noiseMultiplier, newSeed);
  }
}
