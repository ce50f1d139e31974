package io.dxrewrite.nlu.features;

import io.dxrewrite.embeddings.EmbeddingStore;
import io.dxrewrite.embeddings.Vocabulary;
import io.dxrewrite.nlu.data.LabelledExample;
import io.dxrewrite.text.Token;
import io.dxrewrite.text.Tokenizer;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A frozen embedding bag: a text's feature vector is the mean of the store's vectors of its
 * in-vocabulary words (lower-cased, split by the rewriter's {@link Tokenizer}); a text without
 * known words maps to the zero vector. The embedding is public and never trained, so it leaks
 * nothing about the training data. Thread-safe.
 */
public final class EmbeddingBag {
  private final EmbeddingStore store;
  private final Tokenizer tokenizer = new Tokenizer();

  /**
   * @param store the embedding (d = {@code store.dimension()})
   */
  public EmbeddingBag(EmbeddingStore store) {
    this.store = store;
  }

  /** @return d, the feature dimension */
  public int dimension() {
    return store.dimension();
  }

  /**
   * @param examples records
   * @return features, {@code double[n x d]} row-major ND4J matrix (DOUBLE), one row per record
   */
  public INDArray features(List<LabelledExample> examples) {
    int d = store.dimension();
    double[] out = new double[examples.size() * d];
    float[] v = new float[d];
    Vocabulary vocabulary = store.vocabulary();
    for (int i = 0; i < examples.size(); i++) {
      int count = 0;
      for (Token token : tokenizer.tokenize(examples.get(i).text())) {
        if (!token.word()) {
          continue;
        }
        int id = vocabulary.id(token.lookup());
        if (id == Vocabulary.NOT_FOUND) {
          continue;
        }
        store.copyVector(id, v, 0);
        for (int j = 0; j < d; j++) {
          out[i * d + j] += v[j];
        }
        count++;
      }
      if (count > 1) {
        for (int j = 0; j < d; j++) {
          out[i * d + j] /= count;
        }
      }
    }
    return Nd4j.create(out, new long[] {examples.size(), d}, DataType.DOUBLE);
  }
}
