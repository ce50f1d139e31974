package io.dxrewrite.nn;

import static org.assertj.core.api.Assertions.assertThat;

import io.dxrewrite.embeddings.DefaultEmbeddings;
import io.dxrewrite.embeddings.EmbeddingStore;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The exactness tests of {@link SimdExactIndex} at every vector width (128, 256, 512 bits) and
 * every block shape, forced whatever this machine prefers, as Lucene forces its vector size: a
 * width the hardware lacks runs in the Vector API's Java fallback, so code tuned on one machine is
 * exercised on all. Each must return exactly the float64 brute force's ids, ties to the lowest id.
 */
class SimdWidthExactnessTest {
  private static final long SEED = 20261130L;
  private static EmbeddingStore store;
  private static float[] queries;
  private static int[] expectedTop1;
  private static int[] expectedTop5;

  @BeforeAll
  static void open() {
    store = DefaultEmbeddings.open();
    // 333 queries: the last block of every shape is padded, and two threads get unequal tasks
    queries = ExactnessFixtures.noisyQueries(store, 333, SEED);
    BruteForceIndex reference = new BruteForceIndex(store);
    expectedTop1 = reference.nearest(queries, 333);
    expectedTop5 = reference.nearest(queries, 60, 5);
  }

  static Stream<Arguments> configurations() {
    Stream.Builder<Arguments> all = Stream.builder();
    for (int bits : new int[] {128, 256, 512}) {
      for (BlockShape shape : BlockShape.values()) {
        all.add(Arguments.of(bits, shape));
      }
    }
    return all.build();
  }

  private static SimdExactIndex index(EmbeddingStore s, int bits, BlockShape shape, int threads) {
    return new SimdExactIndex(s, threads, SimdConfiguration.forced(bits, shape));
  }

  @ParameterizedTest(name = "{0} bits, block {1}")
  @MethodSource("configurations")
  void top1AndTop5EqualFloat64BruteForceOnNoisyQueries(int bits, BlockShape shape) {
    try (SimdExactIndex simd = index(store, bits, shape, 2)) {
      assertThat(simd.configuration().lanes()).isEqualTo(bits / 32);
      assertThat(simd.nearest(queries, 333))
          .as("%d bits, %s, seed %d", bits, shape, SEED)
          .containsExactly(expectedTop1);
      assertThat(simd.nearest(queries, 60, 5))
          .as("top-5, %d bits, %s, seed %d", bits, shape, SEED)
          .containsExactly(expectedTop5);
    }
  }

  @ParameterizedTest(name = "{0} bits, block {1}")
  @MethodSource("configurations")
  void tiesGoToTheLowestIdAndNearTiesAreResolvedInFloat64(int bits, BlockShape shape, @TempDir Path dir) {
    EmbeddingStore tiny = ExactnessFixtures.tiedStore(dir);
    float[] q = ExactnessFixtures.tieQueries(tiny);
    BruteForceIndex tinyReference = new BruteForceIndex(tiny);
    try (SimdExactIndex simd = index(tiny, bits, shape, 2)) {
      int[] ids = simd.nearest(q, 2);
      assertThat(ids[0]).as("exact tie of rows 3 and 7").isEqualTo(3);
      assertThat(ids).containsExactly(tinyReference.nearest(q, 2));
      assertThat(simd.nearest(q, 2, 10)).containsExactly(tinyReference.nearest(q, 2, 10));
    }
  }

  @ParameterizedTest(name = "{0} bits, block {1}")
  @MethodSource("configurations")
  void adversarialNearTiesFarFromTheOriginMatchFloat64(int bits, BlockShape shape, @TempDir Path dir) {
    EmbeddingStore far = ExactnessFixtures.farNearTieStore(dir, SEED + 1);
    float[] q = ExactnessFixtures.farNearTieQueries(500, SEED + 2);
    try (SimdExactIndex simd = index(far, bits, shape, 2)) {
      assertThat(simd.nearest(q, 500))
          .as("%d bits, %s, seed %d", bits, shape, SEED + 1)
          .containsExactly(new BruteForceIndex(far).nearest(q, 500));
    }
  }

  @Test
  void theDetectedBlockFitsTheRegisterFile() {
    SimdConfiguration detected = SimdConfiguration.detect();
    assertThat(detected.shape().registers()).isLessThanOrEqualTo(detected.registers());
    assertThat(detected.bits()).isIn(64, 128, 256, 512);
    assertThat(BlockShape.forRegisters(32)).isEqualTo(BlockShape.Q4_R4);
    assertThat(BlockShape.forRegisters(16)).isEqualTo(BlockShape.Q4_R3);
    assertThat(detected.describe()).contains(detected.bits() + "-bit").contains("block ");
  }
}
