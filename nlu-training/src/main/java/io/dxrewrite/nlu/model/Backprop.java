package io.dxrewrite.nlu.model;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Per-example gradients of each example's own cross-entropy loss with respect to the layers'
 * pre-activations. Together with the layer inputs in {@link Activations} they determine every
 * per-example parameter gradient (dW = a^T g, db = g) without materialising them.
 *
 * @param g1 dL_i/dz1_i, {@code [B x h]}
 * @param g2 dL_i/dz2_i = p_i - onehot(y_i), {@code [B x K]}
 */
public record Backprop(INDArray g1, INDArray g2) {}
