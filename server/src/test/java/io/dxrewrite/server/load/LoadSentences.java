package io.dxrewrite.server.load;

import io.dxrewrite.text.Tokenizer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The load's inputs, real sentences from a one-per-line file ({@code examples/amazon-sentences.txt}):
 * the sentences of exactly 20 words (by the rewriter's {@link Tokenizer}) for the single-sentence
 * load, and consecutive 100-sentence batches for the batch load.
 *
 * @param singles the 20-word sentences
 * @param batches consecutive batches of {@code batchSize} sentences
 */
public record LoadSentences(List<String> singles, List<List<String>> batches) {
  /** Words per sentence of the single-sentence load. */
  public static final int SINGLE_WORDS = 20;

  /**
   * @param file one sentence per line
   * @param batchSize sentences per batch
   * @return the inputs
   * @throws IllegalStateException if the file has no 20-word sentence or fewer lines than a batch
   */
  public static LoadSentences read(Path file, int batchSize) throws IOException {
    List<String> lines = Files.readAllLines(file).stream().filter(l -> !l.isBlank()).toList();
    List<String> singles = lines.stream().filter(l -> words(l) == SINGLE_WORDS).toList();
    List<List<String>> batches = new ArrayList<>();
    for (int from = 0; from + batchSize <= lines.size(); from += batchSize) {
      batches.add(lines.subList(from, from + batchSize));
    }
    if (singles.isEmpty() || batches.isEmpty()) {
      throw new IllegalStateException(file + " needs 20-word sentences and at least "
          + batchSize + " lines");
    }
    return new LoadSentences(singles, batches);
  }

  /**
   * @param text a text
   * @return its word tokens, as the rewriter counts them (a report's {@code words})
   */
  public static int words(String text) {
    return (int) new Tokenizer().tokenize(text).stream().filter(t -> t.word()).count();
  }

  /**
   * @param texts texts
   * @return their word tokens in total
   */
  public static int words(List<String> texts) {
    return texts.stream().mapToInt(LoadSentences::words).sum();
  }
}
