package io.dxrewrite.nlu.dpsgd;

import io.dxrewrite.nlu.model.Activations;
import io.dxrewrite.nlu.model.Gradients;
import io.dxrewrite.nlu.model.TopicClassifier;
import java.util.random.RandomGenerator;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One private gradient of DP-SGD (Abadi et al., CCS 2016, Algorithm 1) for a Poisson-sampled
 * batch: per-example gradients clipped to L2 norm C ({@link PerExampleClipping}: ghost norms, one
 * weighted matrix product per parameter), summed, noised with N(0, sigma^2 C^2 I) ({@link
 * GaussianNoise}), and divided by the expected batch size qN; noise and division are fused into
 * the same GEMM calls. An empty batch is legal and yields noise / qN.
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
    Gradients noise = GaussianNoise.sample(model.inputDimension(), model.hiddenUnits(),
        model.classes(), parameters.noiseMultiplier() * parameters.clippingNorm(), random);
    double scale = 1.0 / parameters.expectedBatchSize();
    if (labels.length == 0) {
      return noise.muli(scale);
    }
    Activations a = model.forward(batch);
    return PerExampleClipping.clippedSum(
        a, model.backprop(a, labels), parameters.clippingNorm(), scale, noise);
  }
}
