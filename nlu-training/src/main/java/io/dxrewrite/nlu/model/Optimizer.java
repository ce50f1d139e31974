package io.dxrewrite.nlu.model;

/** Turns a (possibly privatised) gradient into a parameter update. Stateful, one per model. */
public interface Optimizer {
  /**
   * Applies one step: moves the parameters of {@code model} against {@code gradient}.
   *
   * @param model the model, updated in place
   * @param gradient the gradient of the mean loss, in the parameters' shapes
   */
  void step(TopicClassifier model, Gradients gradient);
}
