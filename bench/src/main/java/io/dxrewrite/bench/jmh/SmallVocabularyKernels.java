package io.dxrewrite.bench.jmh;

import io.dxrewrite.embeddings.DefaultEmbeddings;
import io.dxrewrite.embeddings.EmbeddingStore;
import io.dxrewrite.nn.NearestNeighbourIndex;
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
 * The three exact kernels, the float64 brute force included, on the embedded store (GloVe 6B
 * 100d, the 20,000 most frequent words, {@link DefaultEmbeddings}): {@value #BATCH} CMP-like noisy
 * queries (noise length 10) per call, top-1. The score is queries per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 4)
@Measurement(iterations = 3, time = 4)
@Fork(
    value = 1,
    jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Xmx1g"})
public class SmallVocabularyKernels {
  /** Queries per benchmark call. */
  public static final int BATCH = 256;

  /** The kernel: "simd", "nd4j" or "brute" ({@link io.dxrewrite.nn.BruteForceIndex}). */
  @Param({"simd", "nd4j", "brute"})
  public String kernel;

  private NearestNeighbourIndex index;
  private float[] queries;

  /** Opens the embedded store, builds the index and draws the queries (seed 5). */
  @Setup(Level.Trial)
  public void setUp() {
    EmbeddingStore embeddings = DefaultEmbeddings.open();
    index = KernelStores.index(kernel, embeddings);
    queries = NoisyQueries.around(embeddings, BATCH, 10.0, 5L);
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
