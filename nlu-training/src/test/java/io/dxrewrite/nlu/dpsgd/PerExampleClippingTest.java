package io.dxrewrite.nlu.dpsgd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.dxrewrite.nlu.model.Activations;
import io.dxrewrite.nlu.model.Backprop;
import io.dxrewrite.nlu.model.Gradients;
import io.dxrewrite.nlu.model.TopicClassifier;
import io.dxrewrite.nlu.train.EncodedSet;
import io.dxrewrite.random.RandomSources;
import io.dxrewrite.random.StreamPurpose;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The vectorised path (ghost norms, one weighted matrix product) against a straightforward loop
 * that materialises every example's gradient, clips it and adds it up.
 */
class PerExampleClippingTest {
  private static final int D = 12;
  private static final int H = 9;
  private static final int K = 5;
  private static final int B = 37;

  private final EncodedSet set = Fixtures.randomSet(B, D, K, 7);
  private final TopicClassifier model = TopicClassifier.initialise(D, H, K, 11);
  private final int[] all = rangeOf(B);

  @Test
  void ghostNormsEqualMaterialisedNorms() {
    Activations a = model.forward(set.rows(all));
    Backprop g = model.backprop(a, set.labels());
    double[] ghost = GhostNorms.perExample(a, g);
    for (int i = 0; i < B; i++) {
      assertThat(ghost[i]).as("example %s", i)
          .isCloseTo(materialised(i).norm2(), within(1e-9 * (1 + ghost[i])));
    }
  }

  @Test
  void clippedNoiselessGradientEqualsReferenceLoop() {
    double[] norms = GhostNorms.perExample(
        model.forward(set.rows(all)), model.backprop(model.forward(set.rows(all)), set.labels()));
    double c = median(norms); // about half the examples are clipped
    double expectedBatch = 40;
    DpSgdParameters p = new DpSgdParameters(c, 0, 0.5, expectedBatch);
    Gradients fast = DpSgdStep.privateGradient(
        model, set.rows(all), set.labels(), p, RandomSources.seeded(1, StreamPurpose.DP_SGD, 0));

    Gradients reference = Gradients.zeros(D, H, K);
    int clipped = 0;
    for (int i = 0; i < B; i++) {
      Gradients gi = materialised(i);
      double norm = gi.norm2();
      if (norm > c) {
        clipped++;
      }
      double factor = Math.min(1, c / norm);
      INDArray[] r = reference.arrays();
      INDArray[] x = gi.arrays();
      for (int k = 0; k < r.length; k++) {
        r[k].addi(x[k].mul(factor));
      }
    }
    reference.muli(1 / expectedBatch);
    assertThat(clipped).isBetween(B / 3, 2 * B / 3);
    INDArray[] f = fast.arrays();
    INDArray[] r = reference.arrays();
    for (int k = 0; k < f.length; k++) {
      double[] fv = f[k].reshape(f[k].length()).toDoubleVector();
      double[] rv = r[k].reshape(r[k].length()).toDoubleVector();
      for (int j = 0; j < fv.length; j++) {
        assertThat(fv[j]).as("parameter %s coordinate %s", k, j).isCloseTo(rv[j], within(1e-6));
      }
    }
    assertThat(fast.norm2()).isGreaterThan(0.01 * c);
  }

  @Test
  void everyClippedExampleHasNormAtMostC() {
    Activations a = model.forward(set.rows(all));
    Backprop g = model.backprop(a, set.labels());
    double[] n = GhostNorms.perExample(a, g);
    double c = median(n) / 2;
    double[] factors = PerExampleClipping.clipFactors(n, c);
    for (int i = 0; i < B; i++) {
      assertThat(factors[i] * n[i]).isLessThanOrEqualTo(c * (1 + 1e-12));
      assertThat(factors[i]).isBetween(0.0, 1.0);
    }
  }

  /** The gradient of example i's loss, built from its own one-row forward and backward pass. */
  private Gradients materialised(int i) {
    Activations a = model.forward(set.rows(new int[] {i}));
    Backprop g = model.backprop(a, new int[] {set.labels()[i]});
    INDArray xi = a.x().reshape(D, 1);
    INDArray hi = a.h().reshape(H, 1);
    return new Gradients(
        xi.mmul(g.g1()), g.g1().dup(), hi.mmul(g.g2()), g.g2().dup());
  }

  private static double median(double[] v) {
    double[] s = v.clone();
    Arrays.sort(s);
    return s[s.length / 2];
  }

  private static int[] rangeOf(int n) {
    int[] idx = new int[n];
    for (int i = 0; i < n; i++) {
      idx[i] = i;
    }
    return idx;
  }
}
