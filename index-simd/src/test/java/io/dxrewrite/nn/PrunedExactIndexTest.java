package io.dxrewrite.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dxrewrite.embeddings.DefaultEmbeddings;
import io.dxrewrite.embeddings.EmbeddingStore;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link PrunedExactIndex} must return exactly the float64 brute force's ids, ties to the lowest
 * id, whatever the number of leading coordinates: the same exactness tests as the other kernels,
 * plus a property test over many seeds with CMP-shaped noise.
 */
class PrunedExactIndexTest {
  private static final long SEED = 20261131L;
  private static EmbeddingStore store;
  private static PrincipalAxes axes;
  private static BruteForceIndex reference;

  @BeforeAll
  static void open() {
    store = DefaultEmbeddings.open();
    axes = PrincipalAxes.of(store);
    reference = new BruteForceIndex(store);
  }

  @Test
  void principalAxesAreOrthonormalAndOrderedByVariance() {
    int d = store.dimension();
    assertThat(axes.orthogonalityDefect()).isLessThan(1e-10);
    for (int i = 1; i < d; i++) {
      assertThat(axes.variances()[i]).isLessThanOrEqualTo(axes.variances()[i - 1]);
    }
    // the rotation keeps distances: ||A(x - mu) - A(y - mu)|| = ||x - y|| to float64 precision
    float[] x = new float[2 * d];
    store.copyVector(11, x, 0);
    store.copyVector(4242, x, d);
    double[] zx = new double[d];
    double[] zy = new double[d];
    axes.rotate(x, 0, zx);
    axes.rotate(x, d, zy);
    double rotated = 0;
    for (int i = 0; i < d; i++) {
      rotated += (zx[i] - zy[i]) * (zx[i] - zy[i]);
    }
    assertThat(Math.sqrt(rotated)).isCloseTo(ExactDistances.distance(store, 11, 4242), org.assertj.core.data.Offset.offset(1e-9));
  }

  @ParameterizedTest(name = "lead {0}")
  @ValueSource(ints = {1, 16, 48, 99})
  void top1AndTop5EqualFloat64BruteForceOnNoisyQueries(int lead) {
    float[] q = ExactnessFixtures.noisyQueries(store, 301, SEED);
    try (PrunedExactIndex pruned = new PrunedExactIndex(store, axes, 2, lead)) {
      assertThat(pruned.nearest(q, 301))
          .as("lead %d, seed %d", lead, SEED)
          .containsExactly(reference.nearest(q, 301));
      assertThat(pruned.nearest(q, 40, 5))
          .as("top-5, lead %d, seed %d", lead, SEED)
          .containsExactly(reference.nearest(q, 40, 5));
    }
  }

  /**
   * Property: for any seed and any CMP epsilon in the useful range, the pruned index returns the
   * brute force's ids. Queries are a random word plus noise of CMP's shape (uniform direction,
   * length Gamma(d, 1/epsilon)), the queries the index gets in production.
   */
  @Test
  void identicalToBruteForceOnCmpNoiseForManySeedsAndEpsilons() {
    try (PrunedExactIndex pruned = new PrunedExactIndex(store, axes, 2, PrunedExactIndex.DEFAULT_LEAD)) {
      for (long seed = 1; seed <= 12; seed++) {
        for (double epsilon : new double[] {5, 10, 20, 40}) {
          float[] q = cmpQueries(40, epsilon, seed);
          assertThat(pruned.nearest(q, 40))
              .as("epsilon %s, seed %d", epsilon, seed)
              .containsExactly(reference.nearest(q, 40));
        }
      }
      // stage 1 runs for every word; the later stages must have dropped some words at epsilon 40
      assertThat(pruned.workFraction())
          .isGreaterThanOrEqualTo((double) PrunedExactIndex.DEFAULT_LEAD / store.dimension())
          .isLessThan(1.0);
    }
  }

  @Test
  void tiesGoToTheLowestIdAndNearTiesAreResolvedInFloat64(@TempDir Path dir) {
    EmbeddingStore tiny = ExactnessFixtures.tiedStore(dir);
    float[] q = ExactnessFixtures.tieQueries(tiny);
    BruteForceIndex tinyReference = new BruteForceIndex(tiny);
    for (int lead = 1; lead < tiny.dimension(); lead++) {
      try (PrunedExactIndex pruned = new PrunedExactIndex(tiny, 2, lead)) {
        int[] ids = pruned.nearest(q, 2);
        assertThat(ids[0]).as("exact tie of rows 3 and 7, lead %d", lead).isEqualTo(3);
        assertThat(ids).containsExactly(tinyReference.nearest(q, 2));
        assertThat(pruned.nearest(q, 2, 10)).containsExactly(tinyReference.nearest(q, 2, 10));
      }
    }
  }

  @Test
  void adversarialNearTiesFarFromTheOriginMatchFloat64(@TempDir Path dir) {
    EmbeddingStore far = ExactnessFixtures.farNearTieStore(dir, SEED + 1);
    float[] q = ExactnessFixtures.farNearTieQueries(500, SEED + 2);
    int[] expected = new BruteForceIndex(far).nearest(q, 500);
    for (int lead = 1; lead < far.dimension(); lead++) {
      try (PrunedExactIndex pruned = new PrunedExactIndex(far, 2, lead)) {
        assertThat(pruned.nearest(q, 500)).as("lead %d, seed %d", lead, SEED + 1).containsExactly(expected);
      }
    }
  }

  /**
   * The rotation subtracts the mean, which would make the near-ties above harmless; here half the
   * rows sit near (1000, ..., 1000) and half near (-1000, ..., -1000), so the mean is near the
   * origin and the rotated near-ties are still 1000 units out, where float32 cannot separate them.
   */
  @Test
  void adversarialNearTiesFarFromTheMeanMatchFloat64(@TempDir Path dir) {
    int d = 4;
    int v = 300;
    SplittableRandom random = new SplittableRandom(SEED + 4);
    float[] rows = new float[v * d];
    for (int i = 0; i < v; i++) {
      double centre = i % 2 == 0 ? 1000 : -1000;
      for (int j = 0; j < d; j++) {
        rows[i * d + j] = (float) (centre + 0.01 * random.nextGaussian());
      }
    }
    EmbeddingStore far =
        io.dxrewrite.embeddings.StoreFixtures.store(
            dir, new io.dxrewrite.embeddings.EmbeddingTable(io.dxrewrite.embeddings.StoreFixtures.words(v), rows, d, "two far clusters"));
    float[] q = ExactnessFixtures.farNearTieQueries(500, SEED + 5);
    int[] expected = new BruteForceIndex(far).nearest(q, 500);
    for (int lead = 1; lead < d; lead++) {
      try (PrunedExactIndex pruned = new PrunedExactIndex(far, 2, lead)) {
        assertThat(pruned.nearest(q, 500)).as("lead %d, seed %d", lead, SEED + 4).containsExactly(expected);
        assertThat(pruned.nearest(q, 50, 3)).as("top-3, lead %d", lead).containsExactly(new BruteForceIndex(far).nearest(q, 50, 3));
      }
    }
  }

  @Test
  void aLeadOutsideTheDimensionIsRefused() {
    assertThatThrownBy(() -> new PrunedExactIndex(store, axes, 1, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("leading coordinates");
  }

  @Test
  void isSelectableAsAnIndexKind() {
    assertThat(IndexKind.fromCliName("simd-pruned")).isEqualTo(IndexKind.SIMD_PRUNED);
    assertThat(IndexKind.SIMD_PRUNED.cliName()).isEqualTo("simd-pruned");
    try (NearestNeighbourIndex index = IndexKind.SIMD_PRUNED.create(store)) {
      assertThat(index).isInstanceOf(PrunedExactIndex.class);
      float[] q = ExactnessFixtures.noisyQueries(store, 20, SEED + 3);
      assertThat(index.nearest(q, 20)).containsExactly(reference.nearest(q, 20));
    }
  }

  private static float[] cmpQueries(int count, double epsilon, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int d = store.dimension();
    float[] q = new float[count * d];
    double[] direction = new double[d];
    for (int i = 0; i < count; i++) {
      int word = random.nextInt(store.size());
      double norm = 0;
      for (int j = 0; j < d; j++) {
        direction[j] = random.nextGaussian();
        norm += direction[j] * direction[j];
      }
      // Gamma(d, 1/epsilon) as a sum of d exponentials (d is an integer)
      double length = 0;
      for (int j = 0; j < d; j++) {
        length -= Math.log(1 - random.nextDouble()) / epsilon;
      }
      for (int j = 0; j < d; j++) {
        q[i * d + j] = (float) (store.component(word, j) + length * direction[j] / Math.sqrt(norm));
      }
    }
    return q;
  }
}
