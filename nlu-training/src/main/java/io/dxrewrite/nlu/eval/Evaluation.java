package io.dxrewrite.nlu.eval;

import io.dxrewrite.nlu.model.TopicClassifier;
import io.dxrewrite.nlu.train.EncodedSet;

/** Test-set measures of a trained model. */
public final class Evaluation {
  private static final int CHUNK = 8192;

  private Evaluation() {}

  /**
   * @param model a trained model
   * @param set labelled records
   * @return the share classified correctly, in [0, 1]
   */
  public static double accuracy(TopicClassifier model, EncodedSet set) {
    int correct = 0;
    for (int from = 0; from < set.size(); from += CHUNK) {
      int[] idx = range(from, Math.min(set.size(), from + CHUNK));
      int[] predicted = model.predict(set.rows(idx));
      for (int i = 0; i < idx.length; i++) {
        if (predicted[i] == set.labels()[idx[i]]) {
          correct++;
        }
      }
    }
    return set.size() == 0 ? Double.NaN : (double) correct / set.size();
  }

  /**
   * @param model a trained model
   * @param set labelled records
   * @return each record's cross-entropy loss in nats, {@code double[N]}
   */
  public static double[] losses(TopicClassifier model, EncodedSet set) {
    double[] out = new double[set.size()];
    for (int from = 0; from < set.size(); from += CHUNK) {
      int[] idx = range(from, Math.min(set.size(), from + CHUNK));
      double[] l = TopicClassifier.losses(model.forward(set.rows(idx)), set.labels(idx));
      System.arraycopy(l, 0, out, from, l.length);
    }
    return out;
  }

  static int[] range(int from, int to) {
    int[] idx = new int[to - from];
    for (int i = 0; i < idx.length; i++) {
      idx[i] = from + i;
    }
    return idx;
  }
}
