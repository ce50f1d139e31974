package io.dxrewrite.cli;

import io.dxrewrite.embeddings.DefaultEmbeddings;
import io.dxrewrite.embeddings.EmbeddingStore;
import java.nio.file.Path;

/** Resolves the {@code --embeddings} option: a store file, or the embedded default. */
final class Embeddings {
  private Embeddings() {}

  static EmbeddingStore open(Path store) {
    return store == null ? DefaultEmbeddings.open() : EmbeddingStore.open(store);
  }

  static String describe(Path store) {
    return store == null ? DefaultEmbeddings.NAME : store.toString();
  }
}
