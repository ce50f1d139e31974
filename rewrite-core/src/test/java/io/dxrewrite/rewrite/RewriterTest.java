package io.dxrewrite.rewrite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dxrewrite.error.InvalidParameterException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RewriterTest {
  private final Rewriter rewriter = SharedRewriter.REWRITER;

  @Test
  void seededRunsRepeatAndUnseededRunsDiffer() {
    List<String> sentences = SharedRewriter.sampleSentences().subList(0, 100);
    RewriteOptions seeded = RewriteOptions.builder().epsilon(10).seed(42).build();
    List<String> a = texts(rewriter.rewriteBatch(sentences, seeded));
    List<String> b = texts(rewriter.rewriteBatch(sentences, seeded));
    assertThat(a).isEqualTo(b);
    RewriteOptions secure = RewriteOptions.builder().epsilon(10).build();
    List<String> c = texts(rewriter.rewriteBatch(sentences, secure));
    List<String> d = texts(rewriter.rewriteBatch(sentences, secure));
    assertThat(c).isNotEqualTo(d);
    assertThat(rewriter.rewriteBatch(sentences, secure).get(0).report().seeded()).isFalse();
    assertThat(rewriter.rewriteBatch(sentences, seeded).get(0).report().seeded()).isTrue();
  }

  @Test
  void seededOutputDoesNotDependOnBatching() {
    List<String> sentences = SharedRewriter.sampleSentences().subList(0, 40);
    RewriteOptions seeded = RewriteOptions.builder().epsilon(8).seed(7).build();
    List<String> whole = texts(rewriter.rewriteBatch(sentences, seeded));
    List<String> pieces = new ArrayList<>();
    pieces.addAll(texts(rewriter.rewriteBatch(sentences.subList(0, 13), seeded, 0)));
    pieces.addAll(texts(rewriter.rewriteBatch(sentences.subList(13, 40), seeded, 13)));
    assertThat(pieces).isEqualTo(whole);
  }

  /**
   * Batches above NoiseGroups.PARALLEL_THRESHOLD words sample noise for different records on
   * several threads; each record's words must still draw from its own stream in word order, so a
   * large seeded batch equals the same records rewritten in small (sequential) batches.
   */
  @Test
  void seededLargeBatchesSampledInParallelEqualSmallBatches() {
    List<String> sentences = SharedRewriter.sampleSentences().subList(0, 300);
    for (String mechanism : List.of("cmp", "vickrey")) {
      RewriteOptions seeded =
          RewriteOptions.builder().mechanism(mechanism).epsilon(8).seed(11).build();
      List<String> whole = texts(rewriter.rewriteBatch(sentences, seeded));
      List<String> pieces = new ArrayList<>();
      for (int first = 0; first < sentences.size(); first += 10) {
        pieces.addAll(texts(rewriter.rewriteBatch(sentences.subList(first, first + 10), seeded, first)));
      }
      assertThat(pieces).as(mechanism).isEqualTo(whole);
    }
  }

  @Test
  void reportCountsWordsOovAndEpsilonByBasicComposition() {
    // "zqxjvw" and "blorptastic" are made-up, out of vocabulary; "the" is on the skip list
    String text = "The zqxjvw sat on the mat, blorptastic!";
    RewriteOptions unk =
        RewriteOptions.builder().epsilon(2.5).seed(1).skipWords(Set.of("the")).build();
    PrivacyReport r = rewriter.rewrite(text, unk).report();
    assertThat(r.mechanism()).isEqualTo("cmp");
    assertThat(r.words()).isEqualTo(7);
    assertThat(r.skippedWords()).isEqualTo(2);
    assertThat(r.oovWords()).isEqualTo(2);
    assertThat(r.oovKept()).isZero();
    assertThat(r.wordsPerturbed()).isEqualTo(5);
    assertThat(r.totalEpsilon()).isEqualTo(2.5 * 5);
    assertThat(r.oovPolicy()).isEqualTo("unk");

    RewriteOptions keep =
        RewriteOptions.builder().epsilon(2.5).seed(1).oovPolicy(OovPolicy.KEEP).build();
    RewriteResult kept = rewriter.rewrite(text, keep);
    assertThat(kept.report().oovKept()).isEqualTo(2);
    assertThat(kept.report().wordsPerturbed()).isEqualTo(5);
    assertThat(kept.text()).contains("zqxjvw").contains("blorptastic");
  }

  @Test
  void unkPolicyNeverCopiesAnOutOfVocabularyWordThrough() {
    String text = "Contact Xylophonequist at zqxjvw";
    RewriteOptions options = RewriteOptions.builder().epsilon(1e6).seed(3).build();
    String out = rewriter.rewrite(text, options).text();
    assertThat(out).doesNotContain("Xylophonequist").doesNotContain("zqxjvw");
  }

  @Test
  void skipListWordsAreKeptAndPunctuationSurvives() {
    String text = "The, the; THE!";
    RewriteOptions options =
        RewriteOptions.builder()
            .epsilon(0.01)
            .seed(2)
            .skipWords(Set.of("THE"))
            .casing(CasingPolicy.KEEP)
            .build();
    assertThat(rewriter.rewrite(text, options).text()).isEqualTo(text);
  }

  @Test
  void emptyAndWordlessRecordsPassThrough() {
    RewriteOptions options = RewriteOptions.builder().epsilon(1).build();
    List<RewriteResult> results = rewriter.rewriteBatch(List.of("", "  ...!? 😀\t"), options);
    assertThat(results.get(0).text()).isEmpty();
    assertThat(results.get(1).text()).isEqualTo("  ...!? 😀\t");
    assertThat(results.get(1).report().totalEpsilon()).isZero();
  }

  @Test
  void invalidParametersFailFastNamingTheParameterAndRange() {
    assertThatThrownBy(() -> RewriteOptions.builder().epsilon(0).build())
        .isInstanceOf(InvalidParameterException.class)
        .hasMessageContaining("epsilon must be a finite number > 0");
    assertThatThrownBy(() -> RewriteOptions.builder().epsilon(1e-7).build())
        .isInstanceOf(InvalidParameterException.class)
        .hasMessageContaining("epsilon must be at least 0.000001 (epsilon per word)");
    assertThat(RewriteOptions.builder().epsilon(1e-6).build().epsilon()).isEqualTo(1e-6);
    assertThatThrownBy(() -> RewriteOptions.builder().epsilon(Double.NaN).build())
        .isInstanceOf(InvalidParameterException.class)
        .hasMessageContaining("epsilon");
    assertThatThrownBy(() -> RewriteOptions.builder().build())
        .isInstanceOf(InvalidParameterException.class)
        .hasMessageContaining("epsilon");
    assertThatThrownBy(() -> RewriteOptions.builder().epsilon(1).mechanism("laplace-ish").build())
        .isInstanceOf(InvalidParameterException.class)
        .hasMessageContaining("unknown mechanism 'laplace-ish'; allowed: cmp");
    assertThatThrownBy(() -> OovPolicy.fromCliName("drop"))
        .isInstanceOf(InvalidParameterException.class)
        .hasMessageContaining("allowed: unk, keep");
  }

  @Test
  void rewriterIsThreadSafe() throws Exception {
    List<String> sentences = SharedRewriter.sampleSentences().subList(0, 60);
    RewriteOptions seeded = RewriteOptions.builder().epsilon(9).seed(11).build();
    List<String> expected = texts(rewriter.rewriteBatch(sentences, seeded));
    List<Thread> threads = new ArrayList<>();
    List<List<String>> outputs = java.util.Collections.synchronizedList(new ArrayList<>());
    for (int t = 0; t < 4; t++) {
      Thread thread = new Thread(() -> outputs.add(texts(rewriter.rewriteBatch(sentences, seeded))));
      threads.add(thread);
      thread.start();
    }
    for (Thread thread : threads) {
      thread.join();
    }
    assertThat(outputs).hasSize(4).allSatisfy(o -> assertThat(o).isEqualTo(expected));
  }

  private static List<String> texts(List<RewriteResult> results) {
    return results.stream().map(RewriteResult::text).toList();
  }
}
