package io.dxrewrite.nlu.dpsgd;

import io.dxrewrite.nlu.model.Activations;
import io.dxrewrite.nlu.model.Gradients;
import io.dxrewrite.nlu.model.TopicClassifier;
import java.util.random.RandomGenerator;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One private gradient of DP-SGD (Abadi et al., CCS 2016, Algorithm 1) for a Poisson-sampled
 * batch: per-example gradients clipped to L2 norm C ({@link PerExampleClipping}, ghost norms and
 * one weighted matrix product), summed, noised with N(0, sigma^2 C^2 I) ({@link GaussianNoise}),
 * and divided by the expected batch size qN. An empty batch is legal and yields noise only.
 */
public final class DpSgdStep {
  private DpSgdStep() {}

  /**
   * @param model the current model
   * @param batch features of the sampled examples, {@code [B x d]}, or {@code null} when B = 0
   * @param labels their classes, {@code int[B]}
   * @param parameters C, sigma, q, expected batch size
   * @param random the noise source
   * @return the privatised gradient of the mean loss
   */
  public static Gradients privateGradient(
      TopicClassifier model, INDArray batch, int[] labels, DpSgdParameters parameters,
      RandomGenerator random) {
    Gradients sum;
    if (labels.length == 0) {
      sum = Gradients.zeros(model.inputDimension(), model.hiddenUnits(), model.classes());
    } else {
      Activations a = model.forward(batch);
      sum = PerExampleClipping.clippedSum(a, model.backprop(a, labels), parameters.clippingNorm());
    }
    GaussianNoise.addTo(sum, parameters.noiseMultiplier() * parameters.clippingNorm(), random);
    return sum.muli(1.0 / parameters.expectedBatchSize());
  }
}
