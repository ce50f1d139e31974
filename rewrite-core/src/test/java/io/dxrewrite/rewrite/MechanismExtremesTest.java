package io.dxrewrite.rewrite;

import static org.assertj.core.api.Assertions.assertThat;

import io.dxrewrite.embeddings.Vocabulary;
import io.dxrewrite.text.Token;
import io.dxrewrite.text.Tokenizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** CMP at the ends of the epsilon range, on the real sample corpus and the real GloVe subset. */
class MechanismExtremesTest {
  private final Tokenizer tokenizer = new Tokenizer();

  @Test
  void hugeEpsilonReturnsEveryInVocabularyWordUnchanged() {
    List<String> sentences = SharedRewriter.sampleSentences().subList(0, 300);
    RewriteOptions options =
        RewriteOptions.builder()
            .epsilon(1e6)
            .seed(5)
            .oovPolicy(OovPolicy.KEEP)
            .casing(CasingPolicy.KEEP)
            .entities(io.dxrewrite.entity.EntityTreatment.OFF)
            .build();
    List<RewriteResult> results = SharedRewriter.REWRITER.rewriteBatch(sentences, options);
    for (int i = 0; i < sentences.size(); i++) {
      assertThat(results.get(i).text()).as("record %d", i).isEqualTo(sentences.get(i));
    }
  }

  @Test
  void tinyEpsilonChangesAtLeast95PercentOfWords() {
    // every in-vocabulary word of the sample becomes its own record, so input and output align
    Vocabulary vocabulary = SharedRewriter.REWRITER.store().vocabulary();
    List<String> words = new ArrayList<>();
    for (String sentence : SharedRewriter.sampleSentences().subList(0, 300)) {
      for (Token token : tokenizer.tokenize(sentence)) {
        String lower = token.text().toLowerCase(Locale.ROOT);
        if (token.word() && vocabulary.contains(lower)) {
          words.add(lower);
        }
      }
    }
    RewriteOptions options = RewriteOptions.builder().epsilon(0.01).seed(6).build();
    List<RewriteResult> results = SharedRewriter.REWRITER.rewriteBatch(words, options);
    int changed = 0;
    for (int i = 0; i < words.size(); i++) {
      if (!results.get(i).text().equals(words.get(i))) {
        changed++;
      }
    }
    assertThat(words).hasSizeGreaterThan(2000);
    assertThat((double) changed / words.size()).isGreaterThanOrEqualTo(0.95);
  }
}
