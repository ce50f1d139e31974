package io.dxrewrite.nn;

import io.dxrewrite.embeddings.EmbeddingStore;
import io.dxrewrite.error.DxPreconditions;
import io.dxrewrite.error.DxRewriteException;
import io.dxrewrite.error.InvalidParameterException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The exact index implementations, chosen by configuration ({@code --index}). All return the ids
 * of the float64 brute force; they differ only in speed.
 *
 * <p>Every kind is built by the {@link IndexProvider} of its module, found with {@link
 * ServiceLoader}, so that this module compiles against none of them and a process carries only the
 * kernels it ships: {@link #SIMD} in {@code index-simd} (pure Java, the Vector API), {@link #ND4J}
 * in {@code index-nd4j} (ND4J with its native libraries), {@link #GPU} in {@code gpu-index} (CUDA).
 *
 * <p>{@link #SIMD} is the default because it measured faster than ND4J's OpenBLAS GEMM on our
 * 2-core AVX-512 machines (bench/RESULTS.md): it fuses the scoring, the norm addition and the
 * threshold test in registers and never writes a score matrix, while the GEMM path writes a {@code
 * chunk x block} score matrix and scans it again on one thread. SIMD needs the JVM flag {@code
 * --add-modules jdk.incubator.vector} (the launcher sets it); without it, or without the {@code
 * index-simd} module, {@link #AUTO} falls back to {@link #ND4J} with one warning.
 */
public enum IndexKind {
  /** {@link #SIMD} when its module and the Vector API are present, else {@link #ND4J}. */
  AUTO(null),
  /** {@code io.dxrewrite.nn.SimdExactIndex} ({@code index-simd}): pure-Java Vector API kernel. */
  SIMD("index-simd"),
  /** {@code io.dxrewrite.nn.Nd4jExactIndex} ({@code index-nd4j}): ND4J/OpenBLAS SGEMM blocked over V. */
  ND4J("index-nd4j"),
  /**
   * {@code io.dxrewrite.nn.PrunedExactIndex} ({@code index-simd}, {@code --index simd-pruned}): the
   * Vector API over a copy of the store rotated onto its principal axes, pruning words by a lower
   * bound from the leading coordinates; exact like the others. Builds in a few seconds (covariance,
   * eigendecomposition, rotation) and holds the rotated copy on the heap.
   */
  SIMD_PRUNED("index-simd"),
  /**
   * The CUDA index of the {@code gpu-index} module ({@code io.dxrewrite.gpu.GpuNearestNeighbourIndex});
   * needs an NVIDIA GPU (compute capability 8.0+) and driver.
   */
  GPU("gpu-index");

  private static final Logger LOG = LoggerFactory.getLogger(IndexKind.class);
  private static final AtomicBoolean WARNED = new AtomicBoolean();

  private final String module;

  IndexKind(String module) {
    this.module = module;
  }

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
   * @return the SIMD kernels' vector width and register block on this machine ({@code
   *     io.dxrewrite.nn.SimdConfiguration#describe()} in {@code index-simd}, through {@link
   *     IndexProvider#describe()}), or why there is none; printed by {@code bench} and {@code info}
   */
  public static String simdKernel() {
    if (SIMD.findProvider().isEmpty()) {
      return "unavailable (the index-simd module is not on the class path)";
    }
    return simdAvailable()
        ? SIMD.findProvider().orElseThrow().describe()
        : "unavailable (the JVM lacks --add-modules jdk.incubator.vector)";
  }

  /**
   * @return the {@code --index} name of this kind, which is also the {@link IndexProvider#kind()}
   *     of its provider: "auto", "simd", "nd4j", "simd-pruned" or "gpu"
   */
  public String cliName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /**
   * @return whether {@link #SIMD} can run in this JVM: the {@code index-simd} module is on the
   *     class path and the JVM was started with {@code --add-modules jdk.incubator.vector}
   */
  public static boolean simdAvailable() {
    Optional<IndexProvider> simd = SIMD.findProvider();
    if (simd.isEmpty()) {
      return false;
    }
    try {
      simd.get().checkAvailable();
      return true;
    } catch (DxRewriteException e) {
      return false;
    }
  }

  /**
   * Builds the index over {@code store} with the provider of this kind ({@link #AUTO}: of the kind
   * it resolves to).
   *
   * @param store the embedding
   * @return the index (SIMD uses one thread per available processor)
   * @throws io.dxrewrite.error.InvalidParameterException if the kind's module is not on the class
   *     path (AUTO: neither {@code index-simd} nor {@code index-nd4j}), or SIMD is asked for
   *     explicitly but the JVM lacks {@code --add-modules jdk.incubator.vector}
   * @throws io.dxrewrite.error.DxRewriteException from the GPU provider when no usable GPU, driver
   *     or native library is present (its message says which)
   */
  public NearestNeighbourIndex create(EmbeddingStore store) {
    return provider().create(store);
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
   * What {@code --index} of this kind runs in this JVM, without building an index; printed by
   * {@code info}.
   *
   * @return the kind that runs (for AUTO, the one it resolves to) and its provider's {@link
   *     IndexProvider#describe()}, e.g. {@code "simd-pruned: 512-bit vectors ..."}
   * @throws io.dxrewrite.error.InvalidParameterException or {@link
   *     io.dxrewrite.error.DxRewriteException} as {@link #checkAvailable()} when it cannot run here
   */
  public String describe() {
    IndexProvider p = provider();
    String description = p.describe();
    return description.startsWith(p.kind()) ? description : p.kind() + ": " + description;
  }

  /**
   * Checks, without building an index, that this kind can run in this JVM: its module is on the
   * class path and its provider's {@link IndexProvider#checkAvailable()} passes (SIMD: the Vector
   * API module; GPU: a usable device, driver and native library). AUTO can run when SIMD can or the
   * {@code index-nd4j} module is present.
   *
   * @throws io.dxrewrite.error.InvalidParameterException or {@link
   *     io.dxrewrite.error.DxRewriteException} with the message {@link #create(EmbeddingStore)}
   *     would give
   */
  public void checkAvailable() {
    provider().checkAvailable();
  }

  /**
   * The provider that builds this kind; for AUTO, SIMD's when it can run, else ND4J's (logging
   * once why).
   */
  private IndexProvider provider() {
    if (this != AUTO) {
      return findProvider().orElseThrow(this::missingModule);
    }
    Optional<IndexProvider> simd = SIMD.findProvider();
    if (simd.isPresent() && simdAvailable()) {
      return simd.get();
    }
    Optional<IndexProvider> nd4j = ND4J.findProvider();
    if (nd4j.isPresent()) {
      if (WARNED.compareAndSet(false, true)) {
        LOG.warn(
            simd.isPresent()
                ? "the Vector API is not enabled (java --add-modules jdk.incubator.vector); using"
                    + " the slower ND4J index"
                : "the SIMD index module (index-simd) is not on the class path; using the ND4J"
                    + " index");
      }
      return nd4j.get();
    }
    if (simd.isEmpty()) {
      throw new InvalidParameterException(
          "--index auto needs a CPU index module on the class path: index-simd"
              + " (io.dxrewrite:index-simd) or index-nd4j (io.dxrewrite:index-nd4j)");
    }
    try {
      simd.get().checkAvailable();
    } catch (DxRewriteException e) {
      throw new InvalidParameterException(
          "--index auto found no CPU index that can run here: " + e.getMessage() + ", and the"
              + " index-nd4j module (io.dxrewrite:index-nd4j) is not on the class path");
    }
    return simd.get();
  }

  private Optional<IndexProvider> findProvider() {
    for (IndexProvider p :
        ServiceLoader.load(IndexProvider.class, IndexKind.class.getClassLoader())) {
      if (p.kind().equals(cliName())) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  private InvalidParameterException missingModule() {
    return new InvalidParameterException(
        "--index " + cliName() + " needs the " + module + " module (io.dxrewrite:" + module
            + ") on the class path");
  }
}
