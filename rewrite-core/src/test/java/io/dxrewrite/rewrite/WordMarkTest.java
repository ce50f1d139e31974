package io.dxrewrite.rewrite;

import static org.assertj.core.api.Assertions.assertThat;

import io.dxrewrite.embeddings.Vocabulary;
import io.dxrewrite.entity.EntityTreatment;
import io.dxrewrite.mechanism.Mechanism;
import io.dxrewrite.mechanism.WordBatch;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Each input word's {@link WordMark}: its kind and where it lands in the rewritten text. A fixed
 * test mechanism ("good" becomes "bad", an out-of-vocabulary word becomes "thing", every other word
 * stays) makes the output known in advance, so the expected offsets are written by hand.
 */
class WordMarkTest {
  private static final Vocabulary VOCABULARY = SharedRewriter.REWRITER.store().vocabulary();

  /** A "mechanism" with a known output: good -> bad, UNK -> thing, the rest unchanged. */
  private static final Rewriter FIXED = new Rewriter(SharedRewriter.REWRITER.context(),
      (name, context, epsilon, parameters) -> new Mechanism() {
        @Override
        public String name() {
          return "fixed";
        }

        @Override
        public double epsilon() {
          return 1;
        }

        @Override
        public int[] perturb(WordBatch batch) {
          int[] out = batch.ids().clone();
          for (int i = 0; i < out.length; i++) {
            if (out[i] == WordBatch.UNK) {
              out[i] = VOCABULARY.id("thing");
            } else if (out[i] == VOCABULARY.id("good")) {
              out[i] = VOCABULARY.id("bad");
            }
          }
          return out;
        }
      });

  @Test
  void everyWordIsMarkedWhereItLandsInTheOutput() {
    RewriteResult r = FIXED.rewrite("Good phone, call 555-123-4567 zorblaxquen",
        RewriteOptions.builder().epsilon(1).skipWords(Set.of("phone"))
            .entities(EntityTreatment.PLACEHOLDER).build());

    assertThat(r.text()).isEqualTo("Bad phone, call <PHONE> thing");
    assertThat(r.marks()).containsExactly(
        new WordMark(0, 3, WordMark.Kind.REPLACED),
        new WordMark(4, 9, WordMark.Kind.UNPROTECTED),
        new WordMark(11, 15, WordMark.Kind.KEPT),
        new WordMark(16, 23, WordMark.Kind.ENTITY),
        new WordMark(24, 29, WordMark.Kind.OOV));
  }

  @Test
  void keptOutOfVocabularyWordsAreUnprotectedAndReplacedCliticsStartAfterTheirSpace() {
    Rewriter negate = new Rewriter(SharedRewriter.REWRITER.context(),
        (name, context, epsilon, parameters) -> new Mechanism() {
          @Override
          public String name() {
            return "fixed";
          }

          @Override
          public double epsilon() {
            return 1;
          }

          @Override
          public int[] perturb(WordBatch batch) {
            int[] out = batch.ids().clone();
            for (int i = 0; i < out.length; i++) {
              if (out[i] == VOCABULARY.id("not")) {
                out[i] = VOCABULARY.id("never");
              }
            }
            return out;
          }
        });
    RewriteResult r = negate.rewrite("it isn't zorblaxquen",
        RewriteOptions.builder().epsilon(1).oovPolicy(OovPolicy.KEEP)
            .entities(EntityTreatment.OFF).build());

    assertThat(r.text()).isEqualTo("It is never zorblaxquen");
    assertThat(r.marks()).containsExactly(
        new WordMark(0, 2, WordMark.Kind.KEPT),
        new WordMark(3, 5, WordMark.Kind.KEPT),
        new WordMark(6, 11, WordMark.Kind.REPLACED),
        new WordMark(12, 23, WordMark.Kind.UNPROTECTED));
  }

  @Test
  void marksOfARealMechanismCoverEveryWordAndMatchTheText() {
    String input = "the battery lasts all day and the screen is bright";
    RewriteResult r = SharedRewriter.REWRITER.rewrite(input,
        RewriteOptions.builder().epsilon(10).seed(7).build());
    List<WordMark> marks = r.marks();
    assertThat(marks).hasSize(r.report().words());
    String[] in = input.split(" ");
    for (int i = 0; i < marks.size(); i++) {
      WordMark m = marks.get(i);
      String written = r.text().substring(m.start(), m.end()).toLowerCase(java.util.Locale.ROOT);
      assertThat(m.kind()).isIn(WordMark.Kind.KEPT, WordMark.Kind.REPLACED);
      assertThat(written.equals(in[i])).as("word %d", i).isEqualTo(m.kind() == WordMark.Kind.KEPT);
    }
  }
}
