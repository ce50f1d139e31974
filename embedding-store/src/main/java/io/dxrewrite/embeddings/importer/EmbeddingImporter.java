package io.dxrewrite.embeddings.importer;

import io.dxrewrite.embeddings.EmbeddingTable;
import java.nio.file.Path;

/** Reads one embedding file format into an {@link EmbeddingTable}. */
public interface EmbeddingImporter {
  /**
   * Reads the first {@code maxWords} words of {@code file} in the file's order (frequency order
   * for GloVe and word2vec). The whole file is checked whatever {@code maxWords} is: strict UTF-8,
   * header counts exactly equal to what follows, exactly d values per vector, finite values, and
   * every word non-empty, not whitespace only, free of control characters ({@link
   * io.dxrewrite.embeddings.ImportedWord}) and not a repeat of an earlier word (repeats are
   * refused, not merged: a store maps a word to one vector). Gzip-compressed files are detected by
   * their magic number.
   *
   * @param file the embedding file
   * @param maxWords the most words to keep, {@code >= 1}; {@link Integer#MAX_VALUE} for all
   * @return the table, its matrix {@code float[V*d]} row-major
   * @throws io.dxrewrite.error.StoreFormatException if the file is malformed (the message names
   *     the file, the line or record and the problem, never the words or vector values)
   * @throws java.io.UncheckedIOException on I/O failure
   */
  EmbeddingTable read(Path file, int maxWords);
}
