/**
 * Importers of embedding files into a store: GloVe text, word2vec text and binary, the wink JSON
 * package, and fastText models. Every word and vector is checked (no repeated, empty or unprintable
 * words, no non-finite components); errors name the file and the line, never the word.
 */
package io.dxrewrite.embeddings.importer;
