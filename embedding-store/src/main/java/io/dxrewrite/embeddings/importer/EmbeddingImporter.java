package io.dxrewrite.embeddings.importer;

import io.dxrewrite.embeddings.EmbeddingTable;
import java.nio.file.Path;

/** Reads one embedding file format into an {@link EmbeddingTable}. */
public interface EmbeddingImporter {
  /**
   * Reads the first {@code maxWords} distinct words of {@code file} in the file's order (frequency
   * order for GloVe and word2vec). A repeated word keeps its first vector. Gzip-compressed files
   * are detected by their magic number.
   *
   * @param file the embedding file
   * @param maxWords the most words to keep, {@code >= 1}; {@link Integer#MAX_VALUE} for all
   * @return the table, its matrix {@code float[V*d]} row-major
   * @throws io.dxrewrite.error.StoreFormatException if the file is malformed (the message names
   *     the file and the line or record, never the vector values)
   * @throws java.io.UncheckedIOException on I/O failure
   */
  EmbeddingTable read(Path file, int maxWords);
}
