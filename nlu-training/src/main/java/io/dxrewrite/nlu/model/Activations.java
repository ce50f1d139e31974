package io.dxrewrite.nlu.model;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The forward pass of a batch of B examples through {@link TopicClassifier}.
 *
 * @param x inputs (embedding-bag features), {@code [B x d]}
 * @param z1 hidden pre-activations x W1 + b1, {@code [B x h]}
 * @param h hidden activations relu(z1), {@code [B x h]}
 * @param p class probabilities softmax(h W2 + b2), {@code [B x K]}
 */
public record Activations(INDArray x, INDArray z1, INDArray h, INDArray p) {
  /** @return B, the number of examples */
  public int batchSize() {
    return (int) x.rows();
  }
}
