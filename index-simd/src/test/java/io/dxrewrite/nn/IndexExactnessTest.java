package io.dxrewrite.nn;

import static org.assertj.core.api.Assertions.assertThat;

import io.dxrewrite.embeddings.DefaultEmbeddings;
import io.dxrewrite.embeddings.EmbeddingStore;
import io.dxrewrite.embeddings.EmbeddingTable;
import io.dxrewrite.embeddings.StoreFixtures;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ND4J and SIMD indexes must return exactly the ids of the float64 brute force. Queries are vocabulary
 * vectors plus isotropic noise of several scales, like the noisy vectors a mechanism produces.
 */
class IndexExactnessTest {
  private static final long SEED = 20260101L;
  private static EmbeddingStore store;
  private static Nd4jExactIndex index;
  private static SimdExactIndex simd;
  private static BruteForceIndex reference;

  @BeforeAll
  static void open() {
    store = DefaultEmbeddings.open();
    index = new Nd4jExactIndex(store);
    simd = new SimdExactIndex(store, 2);
    reference = new BruteForceIndex(store);
  }

  private static float[] noisyQueries(int count, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int d = store.dimension();
    float[] q = new float[count * d];
    double[] scales = {0.05, 0.3, 1.0, 3.0};
    for (int i = 0; i < count; i++) {
      int id = random.nextInt(store.size());
      double scale = scales[i % scales.length];
      for (int j = 0; j < d; j++) {
        q[i * d + j] = (float) (store.component(id, j) + scale * random.nextGaussian());
      }
    }
    return q;
  }

  @Test
  void top1EqualsFloat64BruteForceOn2000NoisyQueries() {
    float[] q = noisyQueries(2000, SEED);
    int[] expected = reference.nearest(q, 2000);
    int[] actual = index.nearest(q, 2000);
    assertThat(actual).as("nd4j, seed %d", SEED).containsExactly(expected);
    assertThat(simd.nearest(q, 2000)).as("simd, seed %d", SEED).containsExactly(expected);
  }

  @Test
  void top5EqualsFloat64BruteForce() {
    float[] q = noisyQueries(300, SEED + 1);
    int[] expected = reference.nearest(q, 300, 5);
    assertThat(index.nearest(q, 300, 5)).containsExactly(expected);
    assertThat(simd.nearest(q, 300, 5)).containsExactly(expected);
  }

  @Test
  void exactVocabularyVectorsFindThemselves() {
    int d = store.dimension();
    float[] q = new float[50 * d];
    for (int i = 0; i < 50; i++) {
      store.copyVector(i * 397, q, i * d);
    }
    int[] ids = index.nearest(q, 50);
    int[] simdIds = simd.nearest(q, 50);
    for (int i = 0; i < 50; i++) {
      assertThat(ids[i]).isEqualTo(i * 397);
      assertThat(simdIds[i]).isEqualTo(i * 397);
    }
  }

  @Test
  void tiesGoToTheLowestIdAndNearTiesAreResolvedInFloat64(@TempDir Path dir) {
    // rows 3 and 7 are identical (exact tie); rows 1 and 2 differ by one ulp-scale step
    int d = 4;
    float[] v = new float[10 * d];
    SplittableRandom random = new SplittableRandom(7);
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) (10 + random.nextGaussian());
    }
    System.arraycopy(v, 3 * d, v, 7 * d, d);
    EmbeddingStore tiny =
        StoreFixtures.store(dir, new EmbeddingTable(StoreFixtures.words(10), v, d, "ties"));
    Nd4jExactIndex tinyIndex = new Nd4jExactIndex(tiny);
    BruteForceIndex tinyReference = new BruteForceIndex(tiny);
    float[] q = new float[2 * d];
    System.arraycopy(v, 7 * d, q, 0, d); // equidistant (0) from rows 3 and 7
    for (int j = 0; j < d; j++) {
      q[d + j] = (v[1 * d + j] + v[2 * d + j]) / 2; // midpoint of rows 1 and 2
    }
    int[] ids = tinyIndex.nearest(q, 2);
    assertThat(ids[0]).isEqualTo(3);
    assertThat(ids).containsExactly(tinyReference.nearest(q, 2));
    assertThat(tinyIndex.nearest(q, 2, 10)).containsExactly(tinyReference.nearest(q, 2, 10));
    SimdExactIndex tinySimd = new SimdExactIndex(tiny, 2);
    assertThat(tinySimd.nearest(q, 2)).containsExactly(tinyReference.nearest(q, 2));
    assertThat(tinySimd.nearest(q, 2, 10)).containsExactly(tinyReference.nearest(q, 2, 10));
  }

  /**
   * Adversarial near-ties: all rows sit near one far-away point, so scores are about -4e6 where a
   * float32 ulp is 0.25 while true score gaps are far smaller. A float32-only argmin picks wrong
   * ids here; screening with the proven margin and reranking in float64 must not.
   */
  @Test
  void adversarialNearTiesFarFromTheOriginMatchFloat64(@TempDir Path dir) {
    int d = 4;
    int v = 300;
    SplittableRandom random = new SplittableRandom(SEED + 2);
    float[] rows = new float[v * d];
    for (int i = 0; i < rows.length; i++) {
      rows[i] = (float) (1000 + 0.01 * random.nextGaussian());
    }
    EmbeddingStore far =
        StoreFixtures.store(dir, new EmbeddingTable(StoreFixtures.words(v), rows, d, "near ties"));
    float[] q = new float[500 * d];
    for (int i = 0; i < q.length; i++) {
      q[i] = (float) (1000 + 0.01 * random.nextGaussian());
    }
    int[] expected = new BruteForceIndex(far).nearest(q, 500);
    assertThat(new Nd4jExactIndex(far).nearest(q, 500)).containsExactly(expected);
    assertThat(new SimdExactIndex(far, 2).nearest(q, 500)).containsExactly(expected);
  }

  /** Batches split into tasks of uneven sizes (and a last group padded to 4 queries) stay exact. */
  @Test
  void everyTaskSplitMatchesBruteForce() {
    float[] q = noisyQueries(513, SEED + 3);
    int[] expected = reference.nearest(q, 513);
    for (int threads : new int[] {1, 3}) {
      try (SimdExactIndex split = new SimdExactIndex(store, threads)) {
        for (int count : new int[] {1, 7, 513}) {
          assertThat(split.nearest(q, count))
              .as("%d threads, %d queries, seed %d", threads, count, SEED + 3)
              .containsExactly(java.util.Arrays.copyOf(expected, count));
        }
      }
    }
  }

  @Test
  void emptyBatchReturnsNoIds() {
    assertThat(index.nearest(new float[0], 0)).isEmpty();
    assertThat(simd.nearest(new float[0], 0)).isEmpty();
  }
}
