/**
 * Embeddings: the immutable, memory-mapped {@link io.dxrewrite.embeddings.EmbeddingStore} (a
 * vocabulary of V words and a float32 row-major {@code [V x d]} matrix), its binary format and writer,
 * the embedded default (the 20,000 most frequent GloVe 6B 100d words), the public output-vocabulary
 * rule, and the interface of subword embeddings (fastText) for out-of-vocabulary words.
 */
package io.dxrewrite.embeddings;
