package io.dxrewrite.nlu.model;

import io.dxrewrite.error.DxPreconditions;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Adam (Kingma and Ba, ICLR 2015, Algorithm 1) with bias correction. As post-processing of the
 * privatised gradient it keeps DP-SGD's guarantee.
 */
public final class Adam implements Optimizer {
  private static final double BETA1 = 0.9;
  private static final double BETA2 = 0.999;
  private static final double EPS = 1e-8;
  private final double learningRate;
  private Gradients m;
  private Gradients v;
  private int t;

  /**
   * @param learningRate step size alpha > 0
   */
  public Adam(double learningRate) {
    DxPreconditions.checkInRange("learning rate", learningRate, Double.MIN_VALUE, 1e6);
    this.learningRate = learningRate;
  }

  @Override
  public void step(TopicClassifier model, Gradients gradient) {
    if (m == null) {
      m = Gradients.zeros(model.inputDimension(), model.hiddenUnits(), model.classes());
      v = Gradients.zeros(model.inputDimension(), model.hiddenUnits(), model.classes());
    }
    t++;
    double stepSize =
        learningRate * Math.sqrt(1 - Math.pow(BETA2, t)) / (1 - Math.pow(BETA1, t));
    INDArray[] g = gradient.arrays();
    INDArray[] ms = m.arrays();
    INDArray[] vs = v.arrays();
    INDArray[] update = new INDArray[g.length];
    for (int i = 0; i < g.length; i++) {
      ms[i].muli(BETA1).addi(g[i].mul(1 - BETA1));
      vs[i].muli(BETA2).addi(g[i].mul(g[i]).muli(1 - BETA2));
      update[i] = ms[i].div(Transforms.sqrt(vs[i], true).addi(EPS)).muli(-stepSize);
    }
    model.addi(new Gradients(update[0], update[1], update[2], update[3]));
  }
}
