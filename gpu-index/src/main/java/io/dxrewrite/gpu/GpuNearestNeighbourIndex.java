package io.dxrewrite.gpu;

import io.dxrewrite.embeddings.EmbeddingStore;
import io.dxrewrite.nn.IndexChecks;
import io.dxrewrite.nn.NearestNeighbourIndex;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.Objects;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Exact nearest-neighbour search on an NVIDIA GPU (compute capability 8.0+; built for sm_80 and
 * sm_90): a fused bf16 tensor-core screening kernel and a float64 rerank, in {@code libdxgpu.so}
 * (CUDA C++, {@code gpu-index/src/main/cuda/dxgpu.cu}), called through JNI.
 *
 * <p>Per batch of queries ({@code float[count*d]}, row-major, up to 16,384 per pipeline chunk, two
 * chunks in flight so that copies overlap compute): every query's score against every vocabulary
 * row is computed in tensor-core registers, never written as a {@code count x V} matrix; a running
 * upper bound of the k-th smallest score is shared between the threads and blocks that work on
 * the query; every word whose proven lower bound ({@link TensorCoreScreeningBound}) lies under it
 * is kept; a second kernel reranks the few kept words with float64 distances in the reference's
 * order. The ids therefore equal those of the float64 brute force, ties to the lowest id.
 *
 * <p>k = 1 and k = 2 (Vickrey) run on the GPU. Larger k, and the rare query whose candidates
 * overflow the kernel's list ({@link #candidateCapacity()}), are answered by a CPU fallback index
 * built on first use. Calls are serialised on the device; the index is thread-safe. Closing frees
 * the device memory (about {@code 4 V d + 2 V d'} bytes with d' = d rounded up to 16, plus 2 x 150
 * MB of pipeline buffers).
 *
 * <p>The native library is loaded only when this class is used ({@link NativeLibrary}); the CPU
 * indexes never touch it.
 */
public final class GpuNearestNeighbourIndex implements NearestNeighbourIndex {
  private static final Logger LOG = LoggerFactory.getLogger(GpuNearestNeighbourIndex.class);

  /**
   * System property: warps per block of the screening kernel, 4, 8 or 16 (a tuning knob; the
   * default, 8, measured 19% faster than 4 at batch 8,192 on an H200, see gpu/RESULTS.md).
   */
  public static final String WARPS_PROPERTY = "dxrewrite.gpu.warpsPerBlock";

  /**
   * The largest dimension d the CUDA kernel handles: 19 tensor-core k-steps of 16 components, its
   * largest template ({@code kMaxDimension} in {@code dxgpu.cu}, which must agree).
   */
  public static final int MAX_DIMENSION = 304;

  private static final int DEFAULT_WARPS = 8;
  private final int v;
  private final int d;
  private final FloatBuffer matrix;
  private final TensorCoreScreeningBound bound;
  private final GpuDevice device;
  private final Supplier<NearestNeighbourIndex> fallbackFactory;
  private final int capacity;
  private final int warps;
  private NearestNeighbourIndex fallback;
  private long handle;
  private long queries;
  private long candidates;
  private int maxCandidates;
  private long cpuFallbacks;
  private long screeningFailures;

  /**
   * Uploads {@code store} to GPU {@code deviceOrdinal}.
   *
   * @param store the embedding; its matrix is {@code float[V*d]} row-major, {@code d <=} {@value
   *     #MAX_DIMENSION}
   * @param deviceOrdinal CUDA device ordinal, usually 0
   * @param fallback builds the CPU index used for k > 2 and for candidate overflow, on first need
   * @throws GpuUnavailableException when the native library, driver or a suitable device is missing
   * @throws GpuException when a CUDA call fails (e.g. out of device memory)
   * @throws IllegalArgumentException if d is above {@value #MAX_DIMENSION}
   */
  public GpuNearestNeighbourIndex(
      EmbeddingStore store, int deviceOrdinal, Supplier<NearestNeighbourIndex> fallback) {
    this(store.matrix(), squaredNorms(store), store.size(), store.dimension(), deviceOrdinal,
        fallback);
  }

  /**
   * Uploads a matrix given directly (no store file needed).
   *
   * @param matrix {@code float[V*d]} row-major, from position 0
   * @param squaredNorms {@code float[V]}: ||w||^2 computed in float64 and rounded to float32
   * @param v V, {@code >= 1}
   * @param d d, in {@code [1,} {@value #MAX_DIMENSION}{@code ]}
   * @param deviceOrdinal CUDA device ordinal
   * @param fallback builds the CPU index for k > 2 and candidate overflow, on first need
   * @throws GpuUnavailableException when the native library, driver or a suitable device is missing
   * @throws GpuException when a CUDA call fails
   * @throws IllegalArgumentException on inconsistent sizes
   */
  public GpuNearestNeighbourIndex(
      FloatBuffer matrix,
      float[] squaredNorms,
      int v,
      int d,
      int deviceOrdinal,
      Supplier<NearestNeighbourIndex> fallback) {
    if (v < 1 || d < 1 || d > MAX_DIMENSION) {
      throw new IllegalArgumentException(
          "need V >= 1 and d in [1, " + MAX_DIMENSION + "], got V=" + v + ", d=" + d);
    }
    if (matrix.remaining() < (long) v * d || squaredNorms.length < v) {
      throw new IllegalArgumentException("matrix or norms shorter than V*d / V");
    }
    this.warps = warpsPerBlock();
    this.v = v;
    this.d = d;
    this.matrix = matrix.duplicate();
    this.fallbackFactory = Objects.requireNonNull(fallback, "fallback");
    this.bound = new TensorCoreScreeningBound(d);
    this.device = GpuDevice.probe(deviceOrdinal);
    float[] norms = new float[v];
    FloatBuffer m = this.matrix.duplicate();
    for (int row = 0; row < v; row++) {
      double s = 0;
      for (int j = 0; j < d; j++) {
        float x = m.get(row * d + j);
        s += (double) x * x;
      }
      norms[row] = TensorCoreScreeningBound.up(Math.sqrt(s) * (1 + 1e-15));
    }
    FloatBuffer direct = direct(this.matrix, v * d);
    this.handle = CudaNative.create(deviceOrdinal, direct, squaredNorms, norms, v, d, warps);
    this.capacity = CudaNative.candidateCapacity();
  }

  private static int warpsPerBlock() {
    String value = System.getProperty(WARPS_PROPERTY, String.valueOf(DEFAULT_WARPS)).trim();
    if (!value.equals("4") && !value.equals("8") && !value.equals("16")) {
      throw new io.dxrewrite.error.InvalidParameterException(
          WARPS_PROPERTY + " must be 4, 8 or 16, got " + value);
    }
    return Integer.parseInt(value);
  }

  private static float[] squaredNorms(EmbeddingStore store) {
    float[] out = new float[store.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = store.squaredNorm(i);
    }
    return out;
  }

  private static FloatBuffer direct(FloatBuffer m, int n) {
    if (m.isDirect() && m.order() == ByteOrder.nativeOrder() && m.position() == 0) {
      return m;
    }
    FloatBuffer copy =
        ByteBuffer.allocateDirect(n * Float.BYTES).order(ByteOrder.nativeOrder()).asFloatBuffer();
    FloatBuffer src = m.duplicate();
    for (int i = 0; i < n; i++) {
      copy.put(i, src.get(src.position() + i));
    }
    return copy;
  }

  @Override
  public int size() {
    return v;
  }

  @Override
  public int dimension() {
    return d;
  }

  @Override
  public String name() {
    return "cuda-bf16-screen(" + device.name() + ", " + warps + " warps/block)";
  }

  /**
   * @return the device this index runs on
   */
  public GpuDevice device() {
    return device;
  }

  /**
   * @return candidate slots per query in the kernel; a query with more falls back to the CPU
   */
  public int candidateCapacity() {
    return capacity;
  }

  /**
   * @return counters since the index was opened
   */
  public synchronized GpuSearchStatistics statistics() {
    return new GpuSearchStatistics(
        queries, candidates, maxCandidates, cpuFallbacks, screeningFailures);
  }

  @Override
  public int[] nearest(float[] queries, int count) {
    return nearest(queries, count, 1);
  }

  /**
   * {@inheritDoc}
   *
   * @throws GpuException when a CUDA call fails during the search
   * @throws IllegalStateException when the index is closed
   */
  @Override
  public synchronized int[] nearest(float[] queries, int count, int k) {
    IndexChecks.checkQueries(queries, count, d, k, v);
    if (handle == 0) {
      throw new IllegalStateException("the GPU index is closed");
    }
    if (count == 0) {
      return new int[0];
    }
    if (k > 2) {
      this.queries += count;
      cpuFallbacks += count;
      return fallback().nearest(queries, count, k);
    }
    float[] a = new float[count];
    float[] c = new float[count];
    for (int i = 0; i < count; i++) {
      double s = 0;
      for (int j = 0; j < d; j++) {
        float x = queries[i * d + j];
        s += (double) x * x;
      }
      double norm = Math.sqrt(s);
      if (!Double.isFinite(norm)) {
        throw new IllegalArgumentException("query " + i + " has a non-finite component");
      }
      a[i] = bound.a(norm);
      c[i] = bound.c(norm);
    }
    int[] ids = new int[count * k];
    int[] status = new int[count];
    int[] kept = new int[count];
    CudaNative.search(handle, queries, count, k, a, c, bound.b(), ids, status, kept);
    this.queries += count;
    int[] redo = new int[count];
    int redoCount = 0;
    for (int i = 0; i < count; i++) {
      if (status[i] != 0) {
        redo[redoCount++] = i;
        if (status[i] == 2) {
          screeningFailures++;
          if (screeningFailures == 1) {
            LOG.error("GPU screening kept fewer than k candidates for a query (a bug; answered on"
                + " the CPU instead)");
          }
        }
      } else {
        candidates += kept[i];
        maxCandidates = Math.max(maxCandidates, kept[i]);
      }
    }
    if (redoCount > 0) {
      // one batched CPU call for every query the GPU could not settle (candidate overflow)
      float[] batch = new float[redoCount * d];
      for (int r = 0; r < redoCount; r++) {
        System.arraycopy(queries, redo[r] * d, batch, r * d, d);
      }
      int[] cpu = fallback().nearest(batch, redoCount, k);
      for (int r = 0; r < redoCount; r++) {
        System.arraycopy(cpu, r * k, ids, redo[r] * k, k);
      }
      cpuFallbacks += redoCount;
    }
    return ids;
  }

  private NearestNeighbourIndex fallback() {
    if (fallback == null) {
      fallback = fallbackFactory.get();
    }
    return fallback;
  }

  @Override
  public synchronized void close() {
    if (handle != 0) {
      CudaNative.destroy(handle);
      handle = 0;
    }
    if (fallback != null) {
      fallback.close();
    }
  }
}
