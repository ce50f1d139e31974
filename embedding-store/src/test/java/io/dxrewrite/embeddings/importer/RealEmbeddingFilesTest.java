package io.dxrewrite.embeddings.importer;

import static org.assertj.core.api.Assertions.assertThat;

import io.dxrewrite.embeddings.EmbeddingTable;
import io.dxrewrite.embeddings.fasttext.FastTextFixtures;
import io.dxrewrite.embeddings.fasttext.FastTextModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Imports of real files in each format: the fastText model and the {@code .vec} written by the same
 * training run, and DL4J's real word2vec binary and text fixtures (30 GoogleNews vectors, unpacked
 * from {@code org.deeplearning4j:dl4j-test-resources:0.4.0} by the build).
 */
class RealEmbeddingFilesTest {
  private static final Path WORD2VEC =
      Path.of("target/dl4j-test-resources/word2vecserialization");

  @Test
  void word2vecBinaryAndTextOfGoogleNewsLoadToEqualVectors() throws IOException {
    Path bin = WORD2VEC.resolve("google_news_30.bin.gz");
    Path txt = WORD2VEC.resolve("google_news_30.txt");
    assertThat(bin).as("unpacked by maven-dependency-plugin in generate-test-resources").isRegularFile();
    EmbeddingTable fromBin = EmbeddingFormat.WORD2VEC_BIN.importer().read(bin, Integer.MAX_VALUE);
    EmbeddingTable fromTxt = EmbeddingFormat.WORD2VEC.importer().read(txt, Integer.MAX_VALUE);
    assertThat(fromBin.size()).isEqualTo(30);
    assertThat(fromBin.dimension()).isEqualTo(300);
    assertThat(fromBin.words()).containsExactly(fromTxt.words());
    assertThat(fromBin.words()[0]).isEqualTo("Morgan_Freeman");
    // the text file prints 6 decimals, so the two agree to half a unit of the 6th decimal
    double worst = maxGap(fromBin, fromTxt);
    assertThat(worst).isLessThanOrEqualTo(5e-7 + 1e-9).isGreaterThan(0);
    System.out.printf("word2vec google_news_30: max |bin - txt| = %.3g%n", worst);
    assertThat(Files.readString(txt).lines().skip(1).findFirst().orElseThrow())
        .startsWith("Morgan_Freeman 0.044423 ");
    assertThat(fromBin.vectors()[0]).isCloseTo(0.044423f, org.assertj.core.data.Offset.offset(5e-7f));
  }

  @Test
  void fastTextBinAndVecOfOneTrainingRunImportToEqualVectors() {
    EmbeddingTable fromBin =
        EmbeddingFormat.FASTTEXT_BIN.importer().read(FastTextFixtures.wordNetModel(), Integer.MAX_VALUE);
    EmbeddingTable fromVec =
        EmbeddingFormat.FASTTEXT_VEC.importer().read(FastTextFixtures.wordNetVec(), Integer.MAX_VALUE);
    assertThat(fromBin.words()).containsExactly(fromVec.words());
    assertThat(List.of(fromBin.words())).doesNotContain(FastTextModel.END_OF_SENTENCE);
    // .vec prints 5 significant digits: each component within half a unit of its last digit
    float[] a = fromBin.vectors();
    float[] b = fromVec.vectors();
    for (int i = 0; i < a.length; i++) {
      assertThat((double) Math.abs(a[i] - b[i]))
          .as("component %d", i)
          .isLessThanOrEqualTo(5e-5 * Math.abs(b[i]) + 1e-9);
    }
    assertThat(fromBin.source()).startsWith("fastText model.bin");
    assertThat(fromVec.source()).startsWith("fastText .vec");
  }

  @Test
  void maxWordsKeepsTheModelsMostFrequentWords() {
    EmbeddingTable ten =
        EmbeddingFormat.FASTTEXT_BIN.importer().read(FastTextFixtures.wordNetModel(), 10);
    EmbeddingTable all =
        EmbeddingFormat.FASTTEXT_VEC.importer().read(FastTextFixtures.wordNetVec(), 10);
    assertThat(ten.words()).containsExactly(all.words());
    assertThat(ten.words()).contains("of", "a", "the");
  }

  private static double maxGap(EmbeddingTable x, EmbeddingTable y) {
    double worst = 0;
    for (int i = 0; i < x.vectors().length; i++) {
      worst = Math.max(worst, Math.abs(x.vectors()[i] - y.vectors()[i]));
    }
    return worst;
  }
}
