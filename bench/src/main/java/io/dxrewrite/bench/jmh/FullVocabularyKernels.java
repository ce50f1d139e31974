package io.dxrewrite.bench.jmh;

import io.dxrewrite.embeddings.EmbeddingStore;
import io.dxrewrite.nn.Nd4jExactIndex;
import io.dxrewrite.nn.NearestNeighbourIndex;
import io.dxrewrite.nn.SimdExactIndex;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Exact top-1 search of {@value #BATCH} CMP-like noisy queries (a word vector plus noise of length
 * 10, {@link NoisyQueries}) against the full vocabulary, per kernel. The score is queries per
 * second (JMH throughput with {@value #BATCH} operations per call).
 *
 * <p>The store is the one named by {@code -p store=PATH} (or {@code -Ddx.bench.store=PATH} in the
 * forked JVM), e.g. {@code /tmp/stores/glove-6b-100d.dxemb}; without it a seeded synthetic store
 * of the same shape (V = 341,479, d = 100, {@link SyntheticStore}) is written to a temporary file.
 * The float64 brute force is too slow at this V (about 0.05 s per query, scaled from its speed
 * at V = 20,000); {@link SmallVocabularyKernels} compares against it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 6)
@Measurement(iterations = 3, time = 6)
@Fork(
    value = 1,
    jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Xmx3g"})
public class FullVocabularyKernels {
  /** Queries per benchmark call (the CLI batches the words of 512 records, about 5,000). */
  public static final int BATCH = 1024;

  /** Store file; empty for the synthetic store (or the system property dx.bench.store). */
  @Param({""})
  public String store;

  /**
   * The kernel: "simd" ({@link SimdExactIndex}, one thread per core, this machine's width and
   * block), "nd4j" ({@link Nd4jExactIndex}), or any name {@code KernelStores.index} takes, e.g.
   * {@code -p kernel=simd-4x4-512,simd-4x3-256,simd-pruned}.
   */
  @Param({"simd", "nd4j"})
  public String kernel;

  private EmbeddingStore embeddings;
  private NearestNeighbourIndex index;
  private float[] queries;

  /** Opens (or writes) the store, builds the index and draws the queries (seed 4). */
  @Setup(Level.Trial)
  public void setUp() {
    embeddings = KernelStores.open(store);
    index = KernelStores.index(kernel, embeddings);
    queries = NoisyQueries.around(embeddings, BATCH, 10.0, 4L);
  }

  /** Releases the index's threads and native memory. */
  @TearDown(Level.Trial)
  public void tearDown() {
    index.close();
  }

  /**
   * @return the nearest ids of the batch (returned so the JIT cannot drop the search)
   */
  @Benchmark
  @OperationsPerInvocation(BATCH)
  public int[] nearest() {
    return index.nearest(queries, BATCH);
  }

}
