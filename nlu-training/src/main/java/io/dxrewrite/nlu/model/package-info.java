/**
 * The topic/intent classifier (embedding-bag features, one hidden ReLU layer, softmax over K classes),
 * its forward pass, per-example backpropagation, optimizers (SGD, Adam) and its JSON model file. Shapes
 * are given per class ({@code [B x d]} inputs, {@code [d x h]} and {@code [h x K]} weights).
 */
package io.dxrewrite.nlu.model;
