package io.dxrewrite.rewrite;

import static org.assertj.core.api.Assertions.assertThat;

import io.dxrewrite.embeddings.DefaultEmbeddings;
import io.dxrewrite.embeddings.EmbeddingStore;
import io.dxrewrite.embeddings.Vocabulary;
import io.dxrewrite.mechanism.Mechanism;
import io.dxrewrite.mechanism.MechanismContext;
import io.dxrewrite.mechanism.WordBatch;
import io.dxrewrite.nn.BruteForceIndex;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Contractions are perturbed as GloVe's two tokens ("do" + "n't" looked up as "not"). */
class ContractionRewriteTest {
  private static final EmbeddingStore STORE = DefaultEmbeddings.open();

  /** A mechanism that replaces the listed words and keeps every other word. */
  private static Rewriter replacing(Map<String, String> replacements) {
    Vocabulary vocabulary = STORE.vocabulary();
    Mechanism mechanism =
        new Mechanism() {
          @Override
          public String name() {
            return "replace";
          }

          @Override
          public double epsilon() {
            return 1;
          }

          @Override
          public int[] perturb(WordBatch batch) {
            int[] out = batch.ids().clone();
            for (int i = 0; i < out.length; i++) {
              if (out[i] >= 0) {
                String replacement = replacements.get(vocabulary.word(out[i]));
                if (replacement != null) {
                  out[i] = vocabulary.id(replacement);
                }
              }
            }
            return out;
          }
        };
    return new Rewriter(
        new MechanismContext(
            STORE,
            new BruteForceIndex(STORE),
            () -> {
              throw new AssertionError("no table needed");
            }),
        (name, context, epsilon, parameters) -> mechanism);
  }

  private static String rewrite(Map<String, String> replacements, String text) {
    return replacing(replacements)
        .rewrite(
            text,
            RewriteOptions.builder()
                .epsilon(1)
                .casing(CasingPolicy.KEEP)
                .entities(io.dxrewrite.entity.EntityTreatment.OFF)
                .build())
        .text();
  }

  @Test
  void stemAndCliticAreReplacedSeparately() {
    assertThat(rewrite(Map.of("do", "did"), "I don't know")).isEqualTo("I didn't know");
    assertThat(rewrite(Map.of("do", "did"), "I DON'T know")).isEqualTo("I DIDN'T know");
    assertThat(rewrite(Map.of("not", "never"), "I don't know")).isEqualTo("I do never know");
    assertThat(rewrite(Map.of("is", "was"), "It\u2019s fine")).isEqualTo("It was fine");
    assertThat(rewrite(Map.of(), "we'd say it's John's")).isEqualTo("we'd say it's John's");
  }

  @Test
  void contractionsAreInVocabularyWords() {
    // Before contractions were split, "t" and "s" were out-of-vocabulary words (perturbed from
    // the mean vector, so "don't" became "don" plus a random word): 3 of the 10 words here.
    RewriteResult result =
        SharedRewriter.REWRITER.rewrite(
            "We don't think it's here, they'll see",
            RewriteOptions.builder().epsilon(1e6).seed(1).build());
    assertThat(result.report().words()).isEqualTo(10);
    assertThat(result.report().oovWords()).isZero();
    assertThat(result.text()).isEqualTo("We don't think it's here, they'll see");
  }
}
