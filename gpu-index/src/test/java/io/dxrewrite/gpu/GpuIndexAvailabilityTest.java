package io.dxrewrite.gpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dxrewrite.embeddings.DefaultEmbeddings;
import io.dxrewrite.embeddings.EmbeddingStore;
import io.dxrewrite.nn.BruteForceIndex;
import io.dxrewrite.nn.IndexKind;
import io.dxrewrite.nn.NearestNeighbourIndex;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@code --index gpu} through {@link IndexKind} and {@link java.util.ServiceLoader}. On a machine
 * without a usable GPU (CI) it must fail with a clear {@link GpuUnavailableException}, never a JVM
 * crash; on a machine with one it must return the ids of the float64 brute force (the full check,
 * 10^4 queries and 341,479 rows, is gpu/verify.sh).
 */
class GpuIndexAvailabilityTest {
  private static boolean gpuPresent() {
    try {
      GpuDevice.probe(0);
      return true;
    } catch (GpuUnavailableException e) {
      return false;
    }
  }

  @Test
  void gpuIndexIsFoundThroughTheProviderAndEitherRunsExactlyOrSaysWhyNot() {
    EmbeddingStore store = DefaultEmbeddings.open();
    if (!gpuPresent()) {
      assertThatThrownBy(() -> IndexKind.GPU.create(store))
          .isInstanceOf(GpuUnavailableException.class)
          .satisfies(
              e ->
                  assertThat(e.getMessage())
                      .containsAnyOf(
                          "no NVIDIA driver is installed",
                          "no CUDA device found",
                          "is not packaged for",
                          "compute capability",
                          "cudaGetDeviceCount failed"));
      return;
    }
    try (NearestNeighbourIndex gpu = IndexKind.GPU.create(store)) {
      assertThat(gpu).isInstanceOf(GpuNearestNeighbourIndex.class);
      int d = store.dimension();
      int count = 500;
      float[] q = new float[count * d];
      SplittableRandom random = new SplittableRandom(42);
      for (int i = 0; i < count; i++) {
        int id = random.nextInt(store.size());
        for (int j = 0; j < d; j++) {
          q[i * d + j] = (float) (store.component(id, j) + 0.4 * random.nextGaussian());
        }
      }
      BruteForceIndex reference = new BruteForceIndex(store);
      assertThat(gpu.nearest(q, count)).containsExactly(reference.nearest(q, count));
      assertThat(gpu.nearest(q, count, 2)).containsExactly(reference.nearest(q, count, 2));
      assertThat(gpu.nearest(q, 20, 5)).containsExactly(reference.nearest(q, 20, 5));
    }
  }

  /**
   * The GPU index over the output vocabulary (a {@link io.dxrewrite.nn.SubsetIndex} whose inner
   * index is the CUDA one): without a GPU it fails as the plain one does, and {@link
   * IndexKind#checkAvailable()} says so without building anything; with one, its answers equal the
   * brute force over the allowed words, in full-store ids.
   */
  @Test
  void theGpuIndexOverTheOutputVocabularyRunsExactlyOrSaysWhyNot() {
    EmbeddingStore store = DefaultEmbeddings.open();
    io.dxrewrite.embeddings.OutputVocabulary letters = io.dxrewrite.embeddings.OutputVocabulary.LETTERS;
    if (!gpuPresent()) {
      assertThatThrownBy(() -> IndexKind.GPU.create(store, letters))
          .isInstanceOf(GpuUnavailableException.class);
      assertThatThrownBy(IndexKind.GPU::checkAvailable).isInstanceOf(GpuUnavailableException.class);
      return;
    }
    IndexKind.GPU.checkAvailable();
    java.util.BitSet allowed = letters.allowed(store.vocabulary());
    try (NearestNeighbourIndex gpu = IndexKind.GPU.create(store, letters)) {
      assertThat(gpu).isInstanceOf(io.dxrewrite.nn.SubsetIndex.class);
      assertThat(((io.dxrewrite.nn.SubsetIndex) gpu).inner()).isInstanceOf(GpuNearestNeighbourIndex.class);
      NearestNeighbourIndex reference =
          new io.dxrewrite.nn.SubsetIndex(store, allowed, BruteForceIndex::new);
      int d = store.dimension();
      int count = 500;
      float[] q = new float[count * d];
      SplittableRandom random = new SplittableRandom(43);
      for (int i = 0; i < count; i++) {
        int id = random.nextInt(store.size());
        for (int j = 0; j < d; j++) {
          q[i * d + j] = (float) (store.component(id, j) + 0.4 * random.nextGaussian());
        }
      }
      assertThat(gpu.nearest(q, count)).containsExactly(reference.nearest(q, count));
      assertThat(gpu.nearest(q, count, 2)).containsExactly(reference.nearest(q, count, 2));
    }
  }

  @Test
  void aGpuIndexNameIsAcceptedOnTheCommandLine() {
    assertThat(IndexKind.fromCliName("gpu")).isEqualTo(IndexKind.GPU);
  }
}
