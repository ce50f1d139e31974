package io.dxrewrite.mechanism;

import io.dxrewrite.density.CertifiedNearestNeighbours;
import io.dxrewrite.density.EmbeddingCovariance;
import io.dxrewrite.density.NeighbourhoodTable;
import io.dxrewrite.density.NeighbourhoodTableBuilder;
import io.dxrewrite.progress.ProgressListener;
import io.dxrewrite.embeddings.EmbeddingStore;
import io.dxrewrite.embeddings.OutputVocabulary;
import io.dxrewrite.nn.NearestNeighbourIndex;
import io.dxrewrite.nn.SubsetIndex;
import java.util.BitSet;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What mechanisms are built from: the store, its exact index, the public output vocabulary (all
 * words unless {@link #restrictOutputs} narrows it), and, loaded lazily on first use, the
 * neighbourhood table (certified search, audit) and the embedding covariance (mahalanobis). One context per
 * store is shared by all threads.
 */
public final class MechanismContext {
  private final EmbeddingStore store;
  private final NearestNeighbourIndex index;
  private final Supplier<NeighbourhoodTable> tableSupplier;
  private volatile NeighbourhoodTable table;
  private volatile double[][] covariance;
  private volatile Double covarianceMinEigenvalue;
  private final java.util.Map<Double, double[][]> transforms =
      new java.util.concurrent.ConcurrentHashMap<>();
  private volatile boolean certify = true;
  private volatile OutputVocabulary outputVocabulary = OutputVocabulary.ALL;
  private volatile NearestNeighbourIndex outputIndex;
  private volatile BitSet allowedOutputs;
  private volatile boolean temReuse = true;
  private volatile TemSamplerCache temSamplers = new TemSamplerCache(TemSamplerCache.DEFAULT_BYTES);
  private final java.util.concurrent.atomic.AtomicLong searchedQueries = new java.util.concurrent.atomic.AtomicLong();

  /**
   * @param store the embedding
   * @param index an exact index over it
   * @param tableSupplier loads (or builds) the neighbourhood table on first use
   */
  public MechanismContext(
      EmbeddingStore store, NearestNeighbourIndex index, Supplier<NeighbourhoodTable> tableSupplier) {
    this.store = Objects.requireNonNull(store, "store");
    this.index = Objects.requireNonNull(index, "index");
    this.tableSupplier = Objects.requireNonNull(tableSupplier, "tableSupplier");
  }

  /**
   * A context whose table is opened next to the store, or built there (K = 64) on first use.
   *
   * @param store the embedding
   * @param index an exact index over it
   * @param buildProgress progress of a table build, if one is needed
   * @return the context
   */
  public static MechanismContext of(
      EmbeddingStore store, NearestNeighbourIndex index, ProgressListener buildProgress) {
    return new MechanismContext(
        store,
        index,
        () ->
            NeighbourhoodTableBuilder.openOrBuild(
                store, index, NeighbourhoodTableBuilder.DEFAULT_K, buildProgress));
  }

  /**
   * @return the embedding
   */
  public EmbeddingStore store() {
    return store;
  }

  /**
   * @return the exact index
   */
  public NearestNeighbourIndex index() {
    return index;
  }

  /**
   * Restricts every mechanism's outputs to a public output vocabulary S: the noisy-vector
   * mechanisms snap to the nearest word of S (through an index built over S by {@code
   * indexFactory}, and through the certificate with candidates filtered to S), and {@link
   * #allowedOutputs()} hands S to mechanisms that select differently (TEM). Input words are still
   * looked up in the whole vocabulary, and the neighbourhood table stays the full vocabulary's.
   *
   * <p>Post-processing: S is fixed before any input is seen, and the nearest word of S is a
   * function of the noisy point alone, so the metric-DP guarantee of CMP, Mahalanobis and Vickrey
   * (Feyisetan et al. WSDM 2020, Theorem 1; Xu et al. 2020; Xu et al. 2021) holds unchanged; and
   * for CMP and Mahalanobis, when the unrestricted output lies in S the restricted output is that
   * same word (tested with the same seed in {@code OutputVocabularyRewriteTest}). The truncated
   * exponential mechanism must read {@link #allowedOutputs()} itself. Call before the context is
   * shared.
   *
   * @param outputs the rule ({@link OutputVocabulary#ALL} lifts a restriction)
   * @param indexFactory builds an exact index over a store (e.g. {@code IndexKind.SIMD::create});
   *     called once, over the sub-store of S, unless S is the whole vocabulary
   * @return this context
   * @throws io.dxrewrite.error.InvalidInputException if the rule allows no word of the store
   */
  public MechanismContext restrictOutputs(
      OutputVocabulary outputs, Function<EmbeddingStore, NearestNeighbourIndex> indexFactory) {
    BitSet allowed = outputs.allowed(store.vocabulary());
    NearestNeighbourIndex previous = outputIndex;
    if (allowed.cardinality() == store.size()) {
      outputIndex = null;
      allowedOutputs = null;
    } else {
      outputIndex = new SubsetIndex(store, allowed, indexFactory);
      allowedOutputs = allowed;
    }
    outputVocabulary = outputs;
    if (previous != null) {
      previous.close();
    }
    return this;
  }

  /**
   * @return the output vocabulary rule in force ({@link OutputVocabulary#ALL} unless {@link
   *     #restrictOutputs} was called)
   */
  public OutputVocabulary outputVocabulary() {
    return outputVocabulary;
  }

  /**
   * The ids a mechanism may output, for mechanisms that take them as a set (the truncated
   * exponential mechanism's {@code allowedOutputs}).
   *
   * @return a copy of S as bits over {@code [0, V)}, or null when every word is allowed
   */
  public BitSet allowedOutputs() {
    BitSet a = allowedOutputs;
    return a == null ? null : (BitSet) a.clone();
  }

  /**
   * @return the exact index over the allowed outputs, answering with full-store ids; {@link
   *     #index()} when every word is allowed
   */
  public NearestNeighbourIndex outputIndex() {
    NearestNeighbourIndex o = outputIndex;
    return o == null ? index : o;
  }

  /**
   * @return the neighbourhood table, loaded or built on first call
   */
  public NeighbourhoodTable table() {
    NeighbourhoodTable t = table;
    if (t == null) {
      synchronized (this) {
        t = table;
        if (t == null) {
          t = tableSupplier.get();
          table = t;
        }
      }
    }
    return t;
  }

  /**
   * The search the noisy-vector mechanisms use: certified by the neighbourhood table when one is
   * loaded or lies next to the store (it is never built just for this), the full index otherwise.
   * Results are identical either way; {@link #searchedQueries()} counts the queries answered.
   *
   * @return the search
   */
  public NearestWordSearch search() {
    NeighbourhoodTable t = table;
    if (t == null && certify && java.nio.file.Files.isRegularFile(NeighbourhoodTable.defaultPath(store, NeighbourhoodTableBuilder.DEFAULT_K))) {
      try {
        t = table();
      } catch (RuntimeException unusable) {
        t = null;
      }
    }
    NearestNeighbourIndex outputs = outputIndex();
    if (t == null || !certify) {
      return (z, n, origins, k) -> {
        searchedQueries.addAndGet(n);
        return outputs.nearest(z, n, k);
      };
    }
    CertifiedNearestNeighbours certified =
        new CertifiedNearestNeighbours(store, outputs, t, allowedOutputs);
    return (z, n, origins, k) -> {
      CertifiedNearestNeighbours.Result r = certified.nearest(z, n, origins, k);
      searchedQueries.addAndGet(n);
      return r.ids();
    };
  }

  /**
   * Turns the neighbourhood-table certificate on (default) or off. Off makes every query scan the
   * full index, so response times do not depend on how far the noise moved a word.
   *
   * @param enabled whether to certify
   * @return this context
   */
  public MechanismContext certify(boolean enabled) {
    this.certify = enabled;
    return this;
  }

  /**
   * Whether TEM reuses samplers: each distinct word scanned once per batch, and the most recently
   * used words' samplers kept across batches in {@link #temSamplers()} (default on). Off, every
   * occurrence is scanned: the time per word depends neither on the word nor on other requests
   * (the multi-tenant server's setting).
   *
   * @param enabled whether to reuse
   * @return this context
   */
  public MechanismContext temReuse(boolean enabled) {
    this.temReuse = enabled;
    return this;
  }

  /**
   * @return whether TEM reuses samplers within batches and across them
   */
  public boolean temReuse() {
    return temReuse;
  }

  /**
   * Replaces the TEM sampler cache by an empty one with another budget.
   *
   * @param bytes heap budget in bytes, {@code >= 0} (0: no cache across batches; default {@link
   *     TemSamplerCache#DEFAULT_BYTES})
   * @return this context
   * @throws IllegalArgumentException if negative
   */
  public MechanismContext temCacheBytes(long bytes) {
    this.temSamplers = new TemSamplerCache(bytes);
    return this;
  }

  /**
   * @return the TEM samplers kept across batches (shared by all TEM instances of this context),
   *     or null when reuse is off
   */
  public TemSamplerCache temSamplers() {
    return temReuse ? temSamplers : null;
  }

  /**
   * @return queries answered by {@link #search()} so far
   */
  public long searchedQueries() {
    return searchedQueries.get();
  }

  /**
   * @return the neighbourhood table if {@link #table()} has already loaded or built it; never
   *     loads (for callers that must not block)
   */
  public Optional<NeighbourhoodTable> loadedTable() {
    return Optional.ofNullable(table);
  }

  /**
   * The Mahalanobis transform for {@code lambda}, computed once per context and lambda (an
   * eigendecomposition of a d x d matrix: too slow to repeat for every request).
   *
   * @param lambda regularisation in (0, 1]
   * @return A = (lambda Sigma + (1 - lambda) I)^(1/2), shared: do not modify
   */
  public double[][] mahalanobisTransform(double lambda) {
    return transforms.computeIfAbsent(lambda, l -> MahalanobisNoise.squareRoot(covariance(), l));
  }

  /**
   * {@code lambda_min(lambda Sigma + (1 - lambda) I) = lambda mu_min + 1 - lambda}, with mu_min
   * the smallest eigenvalue of the normalised covariance, computed once per context.
   *
   * @param lambda regularisation in [0, 1]
   * @return the smallest eigenvalue of {@code A^2}; 1 when lambda = 0 (the covariance is then not
   *     computed)
   */
  public double mahalanobisMinEigenvalue(double lambda) {
    return lambda == 0 ? 1 : MahalanobisNoise.regularisedMinEigenvalue(covarianceMinEigenvalue(), lambda);
  }

  /**
   * @return mu_min, the smallest eigenvalue of {@link #covariance()}, computed on first call
   */
  public double covarianceMinEigenvalue() {
    Double mu = covarianceMinEigenvalue;
    if (mu == null) {
      synchronized (this) {
        mu = covarianceMinEigenvalue;
        if (mu == null) {
          mu = MahalanobisNoise.minEigenvalue(covariance());
          covarianceMinEigenvalue = mu;
        }
      }
    }
    return mu;
  }

  /**
   * @return the embedding covariance normalised to unit mean variance, computed on first call
   */
  public double[][] covariance() {
    double[][] c = covariance;
    if (c == null) {
      synchronized (this) {
        c = covariance;
        if (c == null) {
          c = EmbeddingCovariance.normalised(store);
          covariance = c;
        }
      }
    }
    return c;
  }
}
