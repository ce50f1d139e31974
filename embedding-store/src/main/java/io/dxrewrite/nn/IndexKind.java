package io.dxrewrite.nn;

import io.dxrewrite.embeddings.EmbeddingStore;
import io.dxrewrite.error.DxPreconditions;
import java.util.List;
import java.util.Locale;
import java.util.ServiceLoader;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The exact index implementations, chosen by configuration ({@code --index}). All return the ids
 * of the float64 brute force; they differ only in speed.
 *
 * <p>{@link #SIMD} is the default because it measured faster than ND4J's OpenBLAS GEMM on our
 * 2-core AVX-512 machines (bench/RESULTS.md): it fuses the scoring, the norm addition and the
 * threshold test in registers and never writes a score matrix, while the GEMM path writes a {@code
 * chunk x block} score matrix and scans it again on one thread. SIMD needs the JVM flag {@code
 * --add-modules jdk.incubator.vector} (the launcher sets it); without it {@link #AUTO} falls back
 * to {@link #ND4J} with one warning.
 */
public enum IndexKind {
  /** {@link SimdExactIndex} when the Vector API is present, else {@link Nd4jExactIndex}. */
  AUTO,
  /** {@link SimdExactIndex}: pure-Java Vector API kernel. */
  SIMD,
  /** {@link Nd4jExactIndex}: ND4J/OpenBLAS SGEMM blocked over V. */
  ND4J,
  /**
   * {@link PrunedExactIndex} ({@code --index simd-pruned}): the Vector API over a copy of the store
   * rotated onto its principal axes, pruning words by a lower bound from the leading {@value
   * PrunedExactIndex#DEFAULT_LEAD} coordinates; exact like the others. Builds in a few seconds
   * (covariance, eigendecomposition, rotation) and holds the rotated copy on the heap.
   */
  SIMD_PRUNED,
  /**
   * The CUDA index of the {@code gpu-index} module ({@code io.dxrewrite.gpu.GpuNearestNeighbourIndex}),
   * found through {@link IndexProvider}; needs an NVIDIA GPU (compute capability 8.0+) and driver.
   */
  GPU;

  private static final Logger LOG = LoggerFactory.getLogger(IndexKind.class);
  private static final AtomicBoolean WARNED = new AtomicBoolean();

  /**
   * @param name "auto", "simd", "nd4j", "simd-pruned" or "gpu"
   * @return the kind
   * @throws io.dxrewrite.error.InvalidParameterException for another name
   */
  public static IndexKind fromCliName(String name) {
    DxPreconditions.checkOneOf("index", name, List.of("auto", "simd", "nd4j", "simd-pruned", "gpu"));
    return valueOf(name.toUpperCase(Locale.ROOT).replace('-', '_'));
  }

  /**
   * @return the {@code --index} name, e.g. "simd-pruned"
   */
  public String cliName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /**
   * @return the SIMD kernels' vector width and register block on this machine ({@link
   *     SimdConfiguration#describe()}), or why there is none; printed by {@code bench} and {@code
   *     info}
   */
  public static String simdKernel() {
    return simdAvailable()
        ? SimdConfiguration.detect().describe()
        : "unavailable (the JVM lacks --add-modules jdk.incubator.vector)";
  }

  /**
   * @return whether the Vector API module is present in this JVM
   */
  public static boolean simdAvailable() {
    return ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
  }

  /**
   * Builds the index over {@code store}.
   *
   * @param store the embedding
   * @return the index (SIMD uses one thread per available processor)
   * @throws io.dxrewrite.error.InvalidParameterException if SIMD or SIMD_PRUNED is asked for explicitly but the
   *     JVM lacks {@code --add-modules jdk.incubator.vector}, or GPU is asked for but the {@code
   *     gpu-index} module is not on the class path
   * @throws io.dxrewrite.error.DxRewriteException from the GPU provider when no usable GPU, driver
   *     or native library is present (its message says which)
   */
  public NearestNeighbourIndex create(EmbeddingStore store) {
    if (this == GPU) {
      return provider("gpu").create(store);
    }
    boolean simd = simdAvailable();
    if (this == SIMD || this == SIMD_PRUNED) {
      DxPreconditions.checkArgument(
          simd, "--index " + cliName() + " needs the JVM flag --add-modules jdk.incubator.vector");
    }
    if (this == SIMD_PRUNED) {
      // a store of small dimension (tests, toy stores) gets every coordinate but one in the lead
      return new PrunedExactIndex(
          store,
          Runtime.getRuntime().availableProcessors(),
          Math.max(1, Math.min(PrunedExactIndex.DEFAULT_LEAD, store.dimension() - 1)));
    }
    if (this == ND4J || !simd) {
      if (this == AUTO && WARNED.compareAndSet(false, true)) {
        LOG.warn(
            "the Vector API is not enabled (java --add-modules jdk.incubator.vector); using the"
                + " slower ND4J index");
      }
      return new Nd4jExactIndex(store);
    }
    return new SimdExactIndex(store, Runtime.getRuntime().availableProcessors());
  }

  /**
   * Builds the index of this kind over the words of {@code store} that {@code outputs} allows, as a
   * {@link SubsetIndex} answering with full-store ids; the plain index when every word is allowed.
   *
   * @param store the embedding
   * @param outputs the public output vocabulary
   * @return the index over the allowed rows
   * @throws io.dxrewrite.error.InvalidInputException if the rule allows no word of the store
   * @throws io.dxrewrite.error.DxRewriteException as {@link #create(EmbeddingStore)}
   */
  public NearestNeighbourIndex create(
      EmbeddingStore store, io.dxrewrite.embeddings.OutputVocabulary outputs) {
    java.util.BitSet allowed = outputs.allowed(store.vocabulary());
    if (allowed.cardinality() == store.size()) {
      return create(store);
    }
    return new SubsetIndex(store, allowed, this::create);
  }

  /**
   * Checks, without building an index, that this kind can run in this JVM: SIMD and SIMD_PRUNED need the Vector
   * API module, GPU needs the {@code gpu-index} module and a usable device, driver and native
   * library ({@link IndexProvider#checkAvailable()}). AUTO and ND4J always can.
   *
   * @throws io.dxrewrite.error.InvalidParameterException or {@link
   *     io.dxrewrite.error.DxRewriteException} with the message {@link #create(EmbeddingStore)}
   *     would give
   */
  public void checkAvailable() {
    if (this == GPU) {
      provider("gpu").checkAvailable();
    } else if (this == SIMD || this == SIMD_PRUNED) {
      DxPreconditions.checkArgument(
          simdAvailable(),
          "--index " + cliName() + " needs the JVM flag --add-modules jdk.incubator.vector");
    }
  }

  private static IndexProvider provider(String kind) {
    for (IndexProvider p : ServiceLoader.load(IndexProvider.class, IndexKind.class.getClassLoader())) {
      if (p.kind().equals(kind)) {
        return p;
      }
    }
    throw new io.dxrewrite.error.InvalidParameterException(
        "--index " + kind + " needs the gpu-index module (io.dxrewrite:gpu-index) on the class path");
  }
}
