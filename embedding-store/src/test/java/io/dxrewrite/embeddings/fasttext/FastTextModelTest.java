package io.dxrewrite.embeddings.fasttext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dxrewrite.embeddings.EmbeddingTable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link FastTextModel} against the reference: vectors of a real model (the committed {@code
 * wordnet-small.bin}, skipgram on WordNet glosses trained by Debian's fastText 0.9.2) must equal
 * what Debian's {@code fasttext print-word-vectors} printed for it (committed next to it by {@code
 * scripts/make-fasttext-fixture.sh}) to its printed precision, for known words and for
 * out-of-vocabulary words built from subwords. The other tests use the model the build trains
 * in-process with JFastText ({@link FastTextFixtures#wordNetModel()}).
 */
class FastTextModelTest {
  /** Strings the model cannot have seen: misspellings, inflections, codes and a made-up name. */
  static final List<String> UNKNOWN =
      List.of(
          "photosynthesising", "unhappinesses", "flowerz", "b07xj8c8f5", "quizzicality",
          "zorblaxian", "carrrying", "überkatze", "mountainsides");

  static FastTextModel model;
  static FastTextModel reference;
  static Map<String, String[]> printed;
  @TempDir static Path referenceDir;

  @BeforeAll
  static void load() {
    model = FastTextModel.open(FastTextFixtures.wordNetModel());
    reference = FastTextModel.open(FastTextFixtures.referenceModel(referenceDir));
    printed = FastTextFixtures.referenceVectors();
  }

  @AfterAll
  static void unload() {
    model.close();
    reference.close();
  }

  @Test
  void headerDescribesTheTrainingRecipe() {
    FastTextHeader h = model.header();
    assertThat(h.version()).isEqualTo(12);
    assertThat(h.dimension()).isEqualTo(24);
    assertThat(h.model()).isEqualTo(2); // skipgram
    assertThat(h.bucket()).isEqualTo(20000);
    assertThat(h.minn()).isEqualTo(3);
    assertThat(h.maxn()).isEqualTo(6);
    assertThat(h.quantized()).isFalse();
    assertThat(model.hasSubwords()).isTrue();
    assertThat(model.words()).hasSize(h.words()).contains("the", "plant", "animal");
    assertThat(model.words().get(0)).isEqualTo(FastTextModel.END_OF_SENTENCE);
  }

  @Test
  void referenceModelIsTheCommittedRecipe() {
    FastTextHeader h = reference.header();
    assertThat(h.dimension()).isEqualTo(16);
    assertThat(h.model()).isEqualTo(2); // skipgram
    assertThat(h.bucket()).isEqualTo(2000);
    assertThat(h.minn()).isEqualTo(3);
    assertThat(h.maxn()).isEqualTo(6);
  }

  @Test
  void knownWordVectorsMatchPrintWordVectors() {
    List<String> words = new ArrayList<>(reference.words().subList(1, 401));
    words.addAll(
        reference.words().subList(reference.words().size() - 100, reference.words().size()));
    double[] worst = assertAgreesWithReference(words);
    System.out.printf(
        "fastText known words: max |ours - print-word-vectors| = %.3g (%.2f of the printed"
            + " half-unit) over %d words%n", worst[0], worst[1], words.size());
  }

  @Test
  void subwordVectorsOfUnknownWordsMatchPrintWordVectors() {
    for (String w : UNKNOWN) {
      assertThat(reference.contains(w)).as(w).isFalse();
    }
    double[] worst = assertAgreesWithReference(UNKNOWN);
    System.out.printf(
        "fastText unknown words: max |ours - print-word-vectors| = %.3g (%.2f of the printed"
            + " half-unit) over %d words%n", worst[0], worst[1], UNKNOWN.size());
    for (String w : UNKNOWN) {
      float[] v = reference.vector(w);
      double norm = 0;
      for (float x : v) {
        norm += x * x;
      }
      assertThat(norm).as("subword vector of %s is not zero", w).isGreaterThan(1e-6);
    }
  }

  /**
   * Asserts every component is within half a unit of its last printed digit (print-word-vectors
   * prints 5 significant digits). Returns the worst absolute gap and the worst gap in half-units.
   */
  private static double[] assertAgreesWithReference(List<String> words) {
    assertThat(printed.keySet()).containsAll(words);
    double worst = 0;
    double worstUnits = 0;
    for (String w : words) {
      String[] printed = FastTextModelTest.printed.get(w);
      float[] ours = reference.vector(w);
      assertThat(ours).hasSize(printed.length);
      for (int j = 0; j < ours.length; j++) {
        double expected = Double.parseDouble(printed[j]);
        double gap = Math.abs(ours[j] - expected);
        double halfUnit = FastTextFixtures.printedPrecision(printed[j]);
        worst = Math.max(worst, gap);
        worstUnits = Math.max(worstUnits, gap / halfUnit);
        assertThat(gap)
            .as("%s[%d]: ours %s, printed %s", w, j, ours[j], printed[j])
            .isLessThanOrEqualTo(halfUnit + 1e-9);
      }
    }
    return new double[] {worst, worstUnits};
  }

  @Test
  void vocabularyTableHoldsEveryWordButEndOfSentenceWithItsVector() {
    EmbeddingTable table = model.vocabularyTable(Integer.MAX_VALUE);
    assertThat(table.size()).isEqualTo(model.words().size() - 1);
    assertThat(table.words()).doesNotContain(FastTextModel.END_OF_SENTENCE);
    assertThat(table.words()[0]).isEqualTo(model.words().get(1));
    int d = table.dimension();
    for (int i : new int[] {0, 17, table.size() - 1}) {
      float[] row = new float[d];
      System.arraycopy(table.vectors(), i * d, row, 0, d);
      assertThat(row).containsExactly(model.vector(table.words()[i]));
    }
    assertThat(model.vocabularyTable(10).words())
        .containsExactlyElementsOf(model.words().subList(1, 11));
  }

  @Test
  void sharedBetweenThreadsGivesTheSameVectors() throws Exception {
    List<String> words = model.words().subList(1, 201);
    List<float[]> sequential = words.stream().map(model::vector).toList();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<float[]>> futures = new ArrayList<>();
      for (String w : words) {
        futures.add(pool.submit(() -> model.vector(w)));
      }
      for (int i = 0; i < words.size(); i++) {
        assertThat(futures.get(i).get()).containsExactly(sequential.get(i));
      }
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void quantizedLanguageIdModelLoads(@TempDir Path dir) {
    try (FastTextModel lid = FastTextModel.open(FastTextFixtures.lid176(dir))) {
      FastTextHeader h = lid.header();
      assertThat(h.quantized()).isTrue();
      assertThat(h.model()).isEqualTo(3); // supervised
      assertThat(h.dimension()).isEqualTo(16);
      assertThat(h.labels()).isEqualTo(176);
      assertThat(lid.words().size()).isEqualTo(h.words());
      assertThat(lid.contains("und") && lid.contains("le") && lid.contains("Slovenia")).isTrue();
      float[] v = lid.vector("hello");
      assertThat(v).hasSize(16);
      double norm = 0;
      for (float x : v) {
        assertThat(Float.isFinite(x)).isTrue();
        norm += x * x;
      }
      assertThat(norm).isGreaterThan(0);
    }
  }

  @Test
  void closedModelRefusesCallsAndClosesTwice() {
    FastTextModel m = FastTextModel.open(FastTextFixtures.wordNetModel());
    m.close();
    m.close();
    assertThatThrownBy(() -> m.vector("the"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed");
  }
}
