package io.dxrewrite.nlu.train;

/**
 * Progress after one epoch. Loss and accuracy are measured on the held-out test set, never on
 * the private training data, so printing them releases nothing beyond the model itself.
 *
 * @param epoch 1-based epoch number
 * @param testLoss mean cross-entropy on the test set, in nats
 * @param testAccuracy share of test records classified correctly, in [0, 1]
 * @param epsilon the epsilon spent so far (at the run's delta); 0 for non-private training
 *     would be wrong, so it is {@code +inf} there
 * @param seconds wall time of the epoch
 */
public record EpochMetrics(
    int epoch, double testLoss, double testAccuracy, double epsilon, double seconds) {}
