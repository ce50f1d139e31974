package io.dxrewrite.bench.names;

import static org.assertj.core.api.Assertions.assertThat;

import io.dxrewrite.bench.names.SyntheticIdentities.Identity;
import io.dxrewrite.progress.ProgressListener;
import io.dxrewrite.embeddings.DefaultEmbeddings;
import io.dxrewrite.embeddings.EmbeddingStore;
import io.dxrewrite.mechanism.MechanismContext;
import io.dxrewrite.nn.Nd4jExactIndex;
import io.dxrewrite.rewrite.Rewriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The harness counts what it claims to count. */
class NameSurvivalTest {
  @Test
  void linesHaveTheStatedShapeAndAreReproducible() {
    List<Identity> lines = SyntheticIdentities.generate(200, 2026);
    assertThat(lines).hasSize(200).isEqualTo(SyntheticIdentities.generate(200, 2026));
    Identity one = lines.get(0);
    assertThat(one.text()).matches("My name is " + one.first() + " " + one.last()
        + " and I live in " + one.city() + ", call me at 555-01\\d\\d");
  }

  @Test
  void wholeWordsOnlyAndCaseInsensitive() {
    assertThat(NameSurvival.contains("my name is mark smith.", "Mark Smith")).isTrue();
    assertThat(NameSurvival.contains("my name is marker smith", "Mark")).isFalse();
    assertThat(NameSurvival.contains("recall me", "call")).isFalse();
    assertThat(NameSurvival.contains("Call me", "call")).isTrue();
  }

  /**
   * At epsilon 1e6 the CMP noise is far below the distance to any other word, so every line comes
   * back whole and every count is 200 (all the harness's names and cities are in the embedded
   * store); at epsilon 0.01 the output is nearly independent of the input, and a name survives
   * only by chance (a handful of 200 at most).
   */
  @Test
  void countsAreAllAtHugeEpsilonAndFewAtTinyEpsilon() {
    EmbeddingStore store = DefaultEmbeddings.open();
    Rewriter rewriter = new Rewriter(
        MechanismContext.of(store, new Nd4jExactIndex(store), ProgressListener.NONE));
    List<Identity> lines = SyntheticIdentities.generate(200, 2026);
    NameSurvival.Row all = NameSurvival.measure(rewriter, "cmp", 1e6, Double.NaN, lines);
    assertThat(List.of(all.fullName(), all.firstName(), all.city(), all.commonWord()))
        .containsOnly(200);
    NameSurvival.Row none = NameSurvival.measure(rewriter, "cmp", 0.01, Double.NaN, lines);
    assertThat(none.fullName()).isZero();
    assertThat(none.firstName()).isLessThan(10);
    assertThat(none.city()).isLessThan(10);
  }
}
