package io.dxrewrite.text;

import static org.assertj.core.api.Assertions.assertThat;

import io.dxrewrite.embeddings.DefaultEmbeddings;
import io.dxrewrite.embeddings.EmbeddingStore;
import io.dxrewrite.embeddings.Vocabulary;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Figures that README.md states about the embedded store, recomputed here, so that a figure in the
 * README is generated, not typed: when the store, the tokenizer or the examples change, this test
 * fails and prints the sentence to paste.
 */
class ReadmeFiguresTest {
  private static final Path README = Path.of("..", "README.md");
  private static final Path EXAMPLES = Path.of("..", "examples", "amazon-sentences.txt");

  /**
   * The share of word tokens of {@code examples/amazon-sentences.txt} (as the rewriter tokenizes
   * and looks them up: {@link Tokenizer}, lower case) that the embedded store does not hold, i.e.
   * that {@code --oov unk} perturbs from the public UNK point.
   */
  @Test
  void shareOfExampleWordsOutsideTheEmbeddedStore() throws IOException {
    Tokenizer tokenizer = new Tokenizer();
    EmbeddingStore store = DefaultEmbeddings.open();
    Vocabulary vocabulary = store.vocabulary();
    long words = 0;
    long outside = 0;
    for (String line : Files.readAllLines(EXAMPLES, StandardCharsets.UTF_8)) {
      for (Token token : tokenizer.tokenize(line)) {
        if (token.word()) {
          words++;
          if (vocabulary.id(token.lookup()) == Vocabulary.NOT_FOUND) {
            outside++;
          }
        }
      }
    }
    String sentence =
        String.format(
            Locale.ROOT,
            "%.1f%% of the words of `examples/amazon-sentences.txt`, %,d of %,d, fall outside it",
            100.0 * outside / words, outside, words);
    System.out.println("README figure: " + sentence);
    String readme = Files.readString(README, StandardCharsets.UTF_8).replaceAll("\\s+", " ");
    assertThat(readme).as("README.md must state: " + sentence).contains(sentence);
  }
}
