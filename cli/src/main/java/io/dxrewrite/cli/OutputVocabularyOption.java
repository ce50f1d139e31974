package io.dxrewrite.cli;

import io.dxrewrite.embeddings.OutputVocabulary;
import picocli.CommandLine.Option;

/**
 * The {@code --output-vocabulary} option of the commands that run a mechanism: which vocabulary
 * words may be outputs ({@link OutputVocabulary} holds the rule and its privacy argument).
 */
final class OutputVocabularyOption {
  @Option(
      names = "--output-vocabulary",
      defaultValue = OutputVocabulary.DEFAULT_NAME,
      paramLabel = "all|letters|FILE",
      description =
          "Words a replacement may be: 'letters' (words with at least one letter, so never a"
              + " punctuation mark, symbol or number), 'all', or a file of allowed words (one per"
              + " line). A public rule applied to candidates only; the privacy guarantee is"
              + " unchanged (post-processing). Default: ${DEFAULT-VALUE}.")
  String spec;

  /**
   * @return the parsed rule
   * @throws io.dxrewrite.error.InvalidInputException for a file that is missing, unreadable or
   *     empty
   */
  OutputVocabulary rule() {
    return OutputVocabulary.parse(spec);
  }
}
