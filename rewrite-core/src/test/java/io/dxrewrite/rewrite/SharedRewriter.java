package io.dxrewrite.rewrite;

import io.dxrewrite.embeddings.DefaultEmbeddings;
import io.dxrewrite.nn.Nd4jExactIndex;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** One rewriter over the embedded default store, shared by the tests of this module. */
final class SharedRewriter {
  static final Rewriter REWRITER =
      new Rewriter(DefaultEmbeddings.open(), new Nd4jExactIndex(DefaultEmbeddings.open()));

  private SharedRewriter() {}

  static List<String> sampleSentences() {
    try {
      return Files.readAllLines(
          Path.of("..", "examples", "amazon-sentences.txt"), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
