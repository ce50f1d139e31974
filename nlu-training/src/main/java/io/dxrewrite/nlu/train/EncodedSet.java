package io.dxrewrite.nlu.train;

import io.dxrewrite.error.DxPreconditions;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A labelled set after featurisation.
 *
 * @param features {@code [N x d]} DOUBLE
 * @param labels class indices, {@code int[N]}
 */
public record EncodedSet(INDArray features, int[] labels) {
  /** Checks that features and labels agree in N. */
  public EncodedSet {
    DxPreconditions.checkArgument(features.rows() == labels.length,
        "features have " + features.rows() + " rows but there are " + labels.length + " labels");
  }

  /** @return N */
  public int size() {
    return labels.length;
  }

  /**
   * @param indices rows to take, non-empty
   * @return those rows' features, {@code [B x d]}
   */
  public INDArray rows(int[] indices) {
    return features.getRows(indices);
  }

  /**
   * @param indices rows to take
   * @return those rows' labels
   */
  public int[] labels(int[] indices) {
    int[] out = new int[indices.length];
    for (int i = 0; i < indices.length; i++) {
      out[i] = labels[indices[i]];
    }
    return out;
  }
}
