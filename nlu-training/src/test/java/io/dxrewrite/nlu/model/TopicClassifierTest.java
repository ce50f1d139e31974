package io.dxrewrite.nlu.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The analytic per-example gradient against central finite differences of the loss. */
class TopicClassifierTest {
  @Test
  void backpropMatchesFiniteDifferences() {
    int d = 6;
    int h = 5;
    int k = 4;
    SplittableRandom random = new SplittableRandom(3);
    double[] xs = new double[d];
    for (int i = 0; i < d; i++) {
      xs[i] = random.nextGaussian();
    }
    INDArray x = Nd4j.create(xs, new long[] {1, d}, DataType.DOUBLE);
    int[] y = {2};
    TopicClassifier model = TopicClassifier.initialise(d, h, k, 5);
    Activations a = model.forward(x);
    Gradients g = Gradients.mean(a, model.backprop(a, y));
    INDArray[] params = model.parameters().arrays();
    INDArray[] grads = g.arrays();
    double eps = 1e-6;
    for (int p = 0; p < params.length; p++) {
      for (int j = 0; j < params[p].length(); j++) {
        double old = params[p].getDouble(j);
        params[p].putScalar(j, old + eps);
        double up = TopicClassifier.losses(model.forward(x), y)[0];
        params[p].putScalar(j, old - eps);
        double down = TopicClassifier.losses(model.forward(x), y)[0];
        params[p].putScalar(j, old);
        assertThat(grads[p].getDouble(j)).as("parameter %s coordinate %s", p, j)
            .isCloseTo((up - down) / (2 * eps), within(1e-6));
      }
    }
  }
}
