package io.dxrewrite.nlu.model;

import io.dxrewrite.error.DxPreconditions;

/** Plain stochastic gradient descent: theta -= learningRate * gradient. */
public final class Sgd implements Optimizer {
  private final double learningRate;

  /**
   * @param learningRate step size > 0
   */
  public Sgd(double learningRate) {
    DxPreconditions.checkInRange("learning rate", learningRate, Double.MIN_VALUE, 1e6);
    this.learningRate = learningRate;
  }

  @Override
  public void step(TopicClassifier model, Gradients gradient) {
    Gradients update = new Gradients(
        gradient.w1().mul(-learningRate), gradient.b1().mul(-learningRate),
        gradient.w2().mul(-learningRate), gradient.b2().mul(-learningRate));
    model.addi(update);
  }
}
