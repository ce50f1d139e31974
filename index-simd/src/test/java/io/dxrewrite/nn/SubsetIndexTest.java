package io.dxrewrite.nn;

import static org.assertj.core.api.Assertions.assertThat;

import io.dxrewrite.embeddings.EmbeddingStore;
import io.dxrewrite.embeddings.OutputVocabulary;
import io.dxrewrite.embeddings.StoreFixtures;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * An index over the output vocabulary S, built of each CPU kind: its answers equal a float64 brute
 * force over S computed here (not by the code under test), come back as ids of the full store, and
 * equal the full index's answers whenever those lie in S.
 */
class SubsetIndexTest {
  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(value = IndexKind.class, names = {"SIMD", "ND4J", "SIMD_PRUNED"})
  void answersEqualTheBruteForceOverTheSubsetInFullStoreIds(IndexKind kind) {
    int v = 3000;
    int d = 24;
    String[] words = StoreFixtures.words(v);
    SplittableRandom pick = new SplittableRandom(3);
    for (int i = 0; i < 400; i++) {
      words[pick.nextInt(v)] = "#" + i; // not letters: "#17"
    }
    for (int i = 0; i < v; i++) {
      if (words[i].startsWith("w") && pick.nextInt(20) == 0) {
        words[i] = String.valueOf(100000 + i); // numbers, also not letters
      }
    }
    EmbeddingStore store = StoreFixtures.gaussianStore(dir, words, d, 11);
    try (NearestNeighbourIndex subset = kind.create(store, OutputVocabulary.LETTERS);
        NearestNeighbourIndex full = kind.create(store)) {
      assertThat(subset).isInstanceOf(SubsetIndex.class);
      BitSet allowed = ((SubsetIndex) subset).allowed();
      assertThat(subset.size()).isEqualTo(allowed.cardinality()).isLessThan(v - 300);
      int n = 600;
      float[] q = new float[n * d];
      SplittableRandom random = new SplittableRandom(5);
      for (int i = 0; i < n; i++) {
        int origin = random.nextInt(v);
        for (int j = 0; j < d; j++) {
          q[i * d + j] = (float) (store.component(origin, j) + 0.6 * random.nextGaussian());
        }
      }
      int[] top1 = subset.nearest(q, n);
      int[] top3 = subset.nearest(q, n, 3);
      int[] unrestricted = full.nearest(q, n);
      int outside = 0;
      for (int i = 0; i < n; i++) {
        int[] expected = bruteForce(store, allowed, q, i, 3);
        assertThat(top1[i]).as("query %d", i).isEqualTo(expected[0]);
        assertThat(new int[] {top3[3 * i], top3[3 * i + 1], top3[3 * i + 2]}).containsExactly(expected);
        if (allowed.get(unrestricted[i])) {
          assertThat(top1[i]).isEqualTo(unrestricted[i]);
        } else {
          outside++;
        }
      }
      assertThat(outside).as("queries whose unrestricted answer is outside S").isPositive();
    }
  }

  /** The k nearest allowed ids by float64 squared distance, ties to the lowest id. */
  private static int[] bruteForce(EmbeddingStore store, BitSet allowed, float[] q, int query, int k) {
    int d = store.dimension();
    int[] best = new int[k];
    double[] dist = new double[k];
    java.util.Arrays.fill(dist, Double.POSITIVE_INFINITY);
    for (int u = allowed.nextSetBit(0); u >= 0; u = allowed.nextSetBit(u + 1)) {
      double s = 0;
      for (int j = 0; j < d; j++) {
        double diff = (double) q[query * d + j] - store.component(u, j);
        s += diff * diff;
      }
      int at = k;
      while (at > 0 && s < dist[at - 1]) {
        at--;
      }
      if (at < k) {
        System.arraycopy(best, at, best, at + 1, k - at - 1);
        System.arraycopy(dist, at, dist, at + 1, k - at - 1);
        best[at] = u;
        dist[at] = s;
      }
    }
    return best;
  }
}
