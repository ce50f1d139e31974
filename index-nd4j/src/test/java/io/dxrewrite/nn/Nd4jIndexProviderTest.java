package io.dxrewrite.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dxrewrite.embeddings.EmbeddingStore;
import io.dxrewrite.embeddings.StoreFixtures;
import io.dxrewrite.error.InvalidParameterException;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With index-nd4j alone on the class path (no index-simd), {@code --index nd4j} and {@code --index
 * auto} build the ND4J kernel through its provider, and its answers equal the float64 brute force;
 * {@code --index simd} names the module it needs. (The full exactness suite of both CPU kernels is
 * index-simd's IndexExactnessTest.)
 */
class Nd4jIndexProviderTest {
  private static final long SEED = 20261130L;
  @TempDir Path dir;

  @Test
  void nd4jAndAutoBuildTheNd4jKernelWhoseAnswersEqualTheBruteForce() {
    int d = 16;
    EmbeddingStore store = StoreFixtures.gaussianStore(dir, StoreFixtures.words(700), d, SEED);
    IndexKind.ND4J.checkAvailable();
    IndexKind.AUTO.checkAvailable();
    assertThat(IndexKind.simdAvailable()).isFalse();
    int count = 200;
    float[] q = new float[count * d];
    SplittableRandom random = new SplittableRandom(SEED + 1);
    for (int i = 0; i < count; i++) {
      int id = random.nextInt(store.size());
      for (int j = 0; j < d; j++) {
        q[i * d + j] = (float) (store.component(id, j) + 0.5 * random.nextGaussian());
      }
    }
    BruteForceIndex reference = new BruteForceIndex(store);
    for (IndexKind kind : new IndexKind[] {IndexKind.ND4J, IndexKind.AUTO}) {
      try (NearestNeighbourIndex index = kind.create(store)) {
        assertThat(index).as(kind.name()).isInstanceOf(Nd4jExactIndex.class);
        assertThat(index.nearest(q, count)).as("%s, seed %d", kind, SEED)
            .containsExactly(reference.nearest(q, count));
        assertThat(index.nearest(q, count, 3)).as("%s top-3, seed %d", kind, SEED)
            .containsExactly(reference.nearest(q, count, 3));
      }
    }
  }

  @Test
  void simdNamesTheModuleItNeeds() {
    EmbeddingStore store = StoreFixtures.gaussianStore(dir, StoreFixtures.words(10), 4, SEED);
    assertThatThrownBy(() -> IndexKind.SIMD.create(store))
        .isInstanceOf(InvalidParameterException.class)
        .hasMessage("--index simd needs the index-simd module (io.dxrewrite:index-simd) on the class path");
  }
}
