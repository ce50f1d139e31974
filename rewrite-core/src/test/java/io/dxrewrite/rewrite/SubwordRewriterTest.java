package io.dxrewrite.rewrite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dxrewrite.progress.ProgressListener;
import io.dxrewrite.embeddings.DefaultEmbeddings;
import io.dxrewrite.embeddings.EmbeddingStore;
import io.dxrewrite.embeddings.EmbeddingTable;
import io.dxrewrite.embeddings.StoreFixtures;
import io.dxrewrite.embeddings.fasttext.FastTextFixtures;
import io.dxrewrite.embeddings.fasttext.FastTextModel;
import io.dxrewrite.error.InvalidParameterException;
import io.dxrewrite.mechanism.MechanismContext;
import io.dxrewrite.nn.BruteForceIndex;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Out-of-vocabulary words perturbed from their own fastText subword vector, on a real model
 * (skipgram on WordNet glosses, trained by the build). Expected outputs are computed here by a
 * plain scan over the table, independently of the rewriter and its index.
 */
class SubwordRewriterTest {
  /** Noise of norm ~ d / epsilon = 24e-9: the mechanism returns the nearest word. */
  private static final double NOISELESS = 1e9;

  @TempDir static Path dir;
  static FastTextModel model;
  static EmbeddingTable table;
  static Rewriter rewriter;

  @BeforeAll
  static void setUp() {
    model = FastTextModel.open(FastTextFixtures.wordNetModel());
    table = model.vocabularyTable(Integer.MAX_VALUE);
    EmbeddingStore store = StoreFixtures.store(dir, table);
    rewriter =
        new Rewriter(MechanismContext.of(store, new BruteForceIndex(store), ProgressListener.NONE), model);
  }

  @AfterAll
  static void tearDown() {
    model.close();
  }

  private static String nearest(float[] point) {
    int d = table.dimension();
    int best = -1;
    double bestDistance = Double.POSITIVE_INFINITY;
    for (int i = 0; i < table.size(); i++) {
      double s = 0;
      for (int j = 0; j < d; j++) {
        double diff = table.vectors()[i * d + j] - point[j];
        s += diff * diff;
      }
      if (s < bestDistance) {
        bestDistance = s;
        best = i;
      }
    }
    return table.words()[best];
  }

  private static float[] mean() {
    int d = table.dimension();
    double[] sum = new double[d];
    for (int i = 0; i < table.size(); i++) {
      for (int j = 0; j < d; j++) {
        sum[j] += table.vectors()[i * d + j];
      }
    }
    float[] m = new float[d];
    for (int j = 0; j < d; j++) {
      m[j] = (float) (sum[j] / table.size());
    }
    return m;
  }

  @Test
  void subwordIsTheDefaultWithAModelAndUnkWithout() {
    assertThat(rewriter.optionsBuilder().epsilon(1).build().oovPolicy()).isEqualTo(OovPolicy.SUBWORD);
    assertThat(SharedRewriter.REWRITER.optionsBuilder().epsilon(1).build().oovPolicy())
        .isEqualTo(OovPolicy.UNK);
  }

  @Test
  void unknownWordsMoveFromTheirOwnSubwordVector() {
    List<String> unknown = List.of("flowerz", "photosynthesising", "mountainsides", "zorblaxian");
    RewriteOptions options =
        rewriter.optionsBuilder().epsilon(NOISELESS).seed(1).casing(CasingPolicy.KEEP).build();
    String unkOutput = nearest(mean());
    int differentFromUnk = 0;
    for (String word : unknown) {
      assertThat(model.contains(word)).isFalse();
      RewriteResult result = rewriter.rewrite(word, options);
      String expected = nearest(model.vector(word));
      assertThat(result.text()).as(word).isEqualTo(expected);
      assertThat(result.report().oovWords()).isEqualTo(1);
      assertThat(result.report().oovSubword()).isEqualTo(1);
      assertThat(result.report().wordsPerturbed()).isEqualTo(1);
      assertThat(result.report().oovPolicy()).isEqualTo("subword");
      if (!expected.equals(unkOutput)) {
        differentFromUnk++;
      }
    }
    // a subword vector is not the public point: most of these land elsewhere
    assertThat(differentFromUnk).isGreaterThanOrEqualTo(3);
  }

  @Test
  void wordsOfOnlyDigitsUseThePublicPoint() {
    String number = "80417";
    assertThat(model.contains(number)).isFalse();
    // entities off: with the entity layer on, the number would be a <NUMBER> placeholder
    RewriteOptions subword = rewriter.optionsBuilder().epsilon(NOISELESS).seed(1)
        .entities(io.dxrewrite.entity.EntityTreatment.OFF).build();
    RewriteResult result = rewriter.rewrite("code " + number + " flowerz", subword);
    String[] out = result.text().split(" ");
    assertThat(out[1]).isEqualTo(nearest(mean()));
    assertThat(out[2]).isEqualTo(nearest(model.vector("flowerz")));
    assertThat(result.report().oovWords()).isEqualTo(2);
    assertThat(result.report().oovSubword()).isEqualTo(1);
    assertThat(result.report().wordsPerturbed()).isEqualTo(3);
    assertThat(result.report().totalEpsilon()).isEqualTo(3 * NOISELESS);
  }

  @Test
  void inVocabularyWordsAreUnaffectedByThePolicy() {
    String text = "a small plant with flowers";
    RewriteOptions subword = rewriter.optionsBuilder().epsilon(5).seed(3).build();
    RewriteOptions unk =
        RewriteOptions.builder().epsilon(5).seed(3).oovPolicy(OovPolicy.UNK).build();
    assertThat(rewriter.rewrite(text, subword).text()).isEqualTo(rewriter.rewrite(text, unk).text());
    assertThat(rewriter.rewrite(text, subword).report().oovSubword()).isZero();
  }

  @Test
  void subwordPolicyWithoutAModelIsRefused() {
    RewriteOptions options =
        RewriteOptions.builder().epsilon(5).oovPolicy(OovPolicy.SUBWORD).build();
    assertThatThrownBy(() -> SharedRewriter.REWRITER.rewrite("x", options))
        .isInstanceOf(InvalidParameterException.class)
        .hasMessageContaining("needs a fastText model");
  }

  @Test
  void aStoreFromAnotherEmbeddingIsRefused() {
    EmbeddingStore glove = DefaultEmbeddings.open();
    MechanismContext context =
        MechanismContext.of(glove, new BruteForceIndex(glove), ProgressListener.NONE);
    assertThatThrownBy(() -> new Rewriter(context, model))
        .isInstanceOf(InvalidParameterException.class)
        .hasMessageContaining("dimension 24");
    EmbeddingStore shuffled =
        StoreFixtures.gaussianStore(dir, table.words(), table.dimension(), 5);
    MechanismContext other =
        MechanismContext.of(shuffled, new BruteForceIndex(shuffled), ProgressListener.NONE);
    assertThatThrownBy(() -> new Rewriter(other, model))
        .isInstanceOf(InvalidParameterException.class)
        .hasMessageContaining("not imported from this subword model");
  }
}
