package io.dxrewrite.embeddings.importer;

import io.dxrewrite.embeddings.EmbeddingTable;
import io.dxrewrite.embeddings.fasttext.FastTextModel;
import java.nio.file.Path;

/**
 * Reads a fastText model ({@code .bin} or quantized {@code .ftz}) through {@link FastTextModel}:
 * the vocabulary in the model's order (decreasing training count, {@code </s>} dropped), each word
 * with the vector {@code fasttext print-word-vectors} gives it (its own vector averaged with its
 * n-gram vectors). The file is validated before native code reads it.
 */
final class FastTextBinaryImporter implements EmbeddingImporter {
  @Override
  public EmbeddingTable read(Path file, int maxWords) {
    try (FastTextModel model = FastTextModel.open(file)) {
      return model.vocabularyTable(maxWords);
    }
  }
}
