package io.dxrewrite.rewrite;

import io.dxrewrite.embeddings.EmbeddingStore;
import io.dxrewrite.embeddings.SubwordEmbedding;
import io.dxrewrite.error.InvalidParameterException;

/**
 * Checks that a subword model and a store live in one embedding space: subword vectors are only
 * meaningful next to the vocabulary vectors of the same model. A store imported from the model
 * (fasttext-bin exactly, fasttext-vec to 5 significant digits) passes; any other store is refused.
 */
final class SubwordCheck {
  /** Store words compared with the model, spread over the vocabulary. */
  static final int SAMPLED_WORDS = 64;
  /** Largest relative gap ||store - model|| / max(1, ||model||): well above .vec rounding. */
  static final double TOLERANCE = 1e-3;

  private SubwordCheck() {}

  /**
   * @throws InvalidParameterException if the dimensions differ or a sampled store word's vector is
   *     not the model's vector for that word
   */
  static void check(EmbeddingStore store, SubwordEmbedding subwords) {
    int d = store.dimension();
    if (subwords.dimension() != d) {
      throw new InvalidParameterException(
          "the subword model has dimension " + subwords.dimension() + " but the embeddings have "
              + d + "; import the store from the same model (import-embeddings --format"
              + " fasttext-bin)");
    }
    int v = store.size();
    int samples = Math.min(SAMPLED_WORDS, v);
    for (int s = 0; s < samples; s++) {
      int id = (int) ((long) s * v / samples);
      float[] fromStore = store.vector(id);
      float[] fromModel = subwords.vector(store.vocabulary().word(id));
      double gap = 0;
      double norm = 0;
      for (int j = 0; j < d; j++) {
        double diff = fromStore[j] - fromModel[j];
        gap += diff * diff;
        norm += (double) fromModel[j] * fromModel[j];
      }
      if (Math.sqrt(gap) > TOLERANCE * Math.max(1, Math.sqrt(norm))) {
        throw new InvalidParameterException(
            "the embeddings were not imported from this subword model (word id " + id
                + " has another vector); import the store with import-embeddings --format"
                + " fasttext-bin MODEL.bin, or pass the model itself as --embeddings");
      }
    }
  }
}
