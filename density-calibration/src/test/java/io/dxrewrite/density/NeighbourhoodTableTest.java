package io.dxrewrite.density;

import io.dxrewrite.progress.ProgressListener;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dxrewrite.embeddings.EmbeddingStore;
import io.dxrewrite.embeddings.EmbeddingTable;
import io.dxrewrite.embeddings.StoreFixtures;
import io.dxrewrite.error.StoreFormatException;
import io.dxrewrite.files.UmaskProbe;
import io.dxrewrite.nn.Nd4jExactIndex;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NeighbourhoodTableTest {
  @TempDir Path dir;

  @Test
  void tableIsWrittenWithTheUmasksPermissions() throws IOException {
    EmbeddingStore store = StoreFixtures.gaussianStore(dir, StoreFixtures.words(30), 3, 7);
    NeighbourhoodTableBuilder.openOrBuild(store, new Nd4jExactIndex(store), 2, ProgressListener.NONE);
    Path table = NeighbourhoodTable.defaultPath(store, 2);
    assertThat(Files.getPosixFilePermissions(table)).isEqualTo(UmaskProbe.permissions(dir));
  }

  private static double distance(EmbeddingStore s, int a, int b) {
    double sq = 0;
    for (int j = 0; j < s.dimension(); j++) {
      double diff = (double) s.component(a, j) - s.component(b, j);
      sq += diff * diff;
    }
    return Math.sqrt(sq);
  }

  @Test
  void tableHoldsTheExactKNearestOtherWordsAndTheDistanceBounds() {
    EmbeddingStore store = StoreFixtures.gaussianStore(dir, StoreFixtures.words(400), 6, 31);
    int k = 10;
    NeighbourhoodTable table =
        NeighbourhoodTableBuilder.openOrBuild(store, new Nd4jExactIndex(store), k, ProgressListener.NONE);
    double minPair = Double.POSITIVE_INFINITY;
    double maxPair = 0;
    for (int w = 0; w < store.size(); w++) {
      final int word = w;
      Integer[] others =
          IntStream.range(0, store.size()).filter(i -> i != word).boxed().toArray(Integer[]::new);
      Arrays.sort(
          others,
          Comparator.<Integer>comparingDouble(o -> distance(store, word, o)).thenComparing(o -> o));
      for (int r = 0; r < k; r++) {
        assertThat(table.neighbour(w, r)).as("word %d rank %d", w, r).isEqualTo(others[r]);
        double exact = distance(store, w, others[r]);
        assertThat((double) table.distance(w, r)).isLessThanOrEqualTo(exact).isCloseTo(exact, org.assertj.core.data.Offset.offset(1e-5));
      }
      for (int o : others) {
        double dd = distance(store, w, o);
        if (dd > 0) {
          minPair = Math.min(minPair, dd);
        }
        maxPair = Math.max(maxPair, dd);
      }
      DensityStatistics stats = table.statistics(w);
      assertThat(stats.firstNeighbour()).isLessThanOrEqualTo(stats.meanNeighbour());
      assertThat(stats.meanNeighbour()).isLessThanOrEqualTo(stats.kthNeighbour());
    }
    assertThat(table.deltaMin()).isCloseTo(minPair, org.assertj.core.data.Offset.offset(1e-12));
    assertThat(table.deltaMax()).isGreaterThanOrEqualTo(maxPair).isLessThan(2.5 * maxPair);
  }

  @Test
  void deltaMinSkipsDuplicatesEvenBeyondK() {
    // five copies of one point (more than K = 3), then a point at distance 0.25, then far points
    int d = 2;
    float[] v = new float[10 * d];
    for (int i = 5; i < 10; i++) {
      v[i * d] = 10 + i;
      v[i * d + 1] = -3 * i;
    }
    v[5 * d] = 0.25f;
    v[5 * d + 1] = 0f;
    EmbeddingStore store =
        StoreFixtures.store(dir, new EmbeddingTable(StoreFixtures.words(10), v, d, "dups"));
    NeighbourhoodTable table =
        NeighbourhoodTableBuilder.openOrBuild(store, new Nd4jExactIndex(store), 3, ProgressListener.NONE);
    assertThat(table.deltaMin()).isEqualTo(0.25, org.assertj.core.data.Offset.offset(1e-7));
    assertThat(table.distance(0, 2)).isZero();
  }

  /**
   * A table over 1 MiB (3,000 words x K = 64: two read chunks) opens, which checks the chunked
   * checksum, and every word's block bound is the largest K-th distance of its block.
   */
  @Test
  void kthDistanceBoundIsTheBlockMaximumOfTheKthNeighbourDistance() {
    EmbeddingStore store = StoreFixtures.gaussianStore(dir, StoreFixtures.words(3000), 4, 41);
    int k = 64;
    NeighbourhoodTable table =
        NeighbourhoodTableBuilder.openOrBuild(store, new Nd4jExactIndex(store), k, ProgressListener.NONE);
    assertThat(8L * 3000 * k).isGreaterThan(1 << 20);
    for (int first = 0; first < store.size(); first += NeighbourhoodTable.BOUND_BLOCK) {
      float max = 0;
      int end = Math.min(store.size(), first + NeighbourhoodTable.BOUND_BLOCK);
      for (int w = first; w < end; w++) {
        max = Math.max(max, table.distance(w, k - 1));
      }
      for (int w = first; w < end; w++) {
        assertThat(table.kthDistanceBound(w)).as("word %d", w).isEqualTo(max);
      }
    }
  }

  @Test
  void corruptedOrForeignTablesAreRefused() throws IOException {
    EmbeddingStore store = StoreFixtures.gaussianStore(dir, StoreFixtures.words(50), 3, 5);
    EmbeddingStore other = StoreFixtures.gaussianStore(dir, StoreFixtures.words(50), 3, 6);
    Path file = dir.resolve("t.dxnbr");
    NeighbourhoodTableBuilder.build(store, new Nd4jExactIndex(store), 4, file, ProgressListener.NONE);
    assertThatThrownBy(() -> NeighbourhoodTable.open(file, other))
        .isInstanceOf(StoreFormatException.class)
        .hasMessageContaining("another embedding store");
    byte[] bytes = Files.readAllBytes(file);
    bytes[bytes.length - 3] ^= 0x40;
    Files.write(file, bytes);
    assertThatThrownBy(() -> NeighbourhoodTable.open(file, store))
        .isInstanceOf(StoreFormatException.class)
        .hasMessageContaining("checksum mismatch");
    Files.write(file, Arrays.copyOf(bytes, 100));
    assertThatThrownBy(() -> NeighbourhoodTable.open(file, store))
        .isInstanceOf(StoreFormatException.class)
        .hasMessageContaining("truncated");
  }

  @Test
  void covarianceIsNormalisedToUnitMeanVariance() {
    EmbeddingStore store = StoreFixtures.gaussianStore(dir, StoreFixtures.words(2000), 4, 9);
    double[][] sigma = EmbeddingCovariance.normalised(store);
    double trace = 0;
    for (int i = 0; i < 4; i++) {
      trace += sigma[i][i];
      for (int j = 0; j < 4; j++) {
        assertThat(sigma[i][j]).isEqualTo(sigma[j][i]);
      }
    }
    assertThat(trace / 4).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-12));
    // N(0, I) components: off-diagonal covariance near 0 (sd about 1/sqrt(2000))
    assertThat(Math.abs(sigma[0][1])).isLessThan(0.12);
  }
}
