package io.dxrewrite.server.rewrite;

import io.dxrewrite.embeddings.DefaultEmbeddings;
import io.dxrewrite.embeddings.EmbeddingStore;
import io.dxrewrite.density.NeighbourhoodTable;
import io.dxrewrite.density.NeighbourhoodTableBuilder;
import io.dxrewrite.mechanism.MechanismContext;
import io.dxrewrite.progress.ProgressListener;
import io.dxrewrite.embeddings.OutputVocabulary;
import io.dxrewrite.nn.IndexKind;
import io.dxrewrite.rewrite.RewriteOptions;
import io.dxrewrite.rewrite.Rewriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the embedding store and the exact index once, then serves rewriting through a {@link
 * BatchingRewriteService}. Until {@link #load} has finished the server answers 503 on the rewrite
 * endpoints and {@code /health/ready} reports {@code loading}.
 */
public final class RewriteEngine implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(RewriteEngine.class);

  /** Loading state. */
  public enum Status {
    /** The store and index are being loaded. */
    LOADING,
    /** Ready to rewrite. */
    READY,
    /** Loading failed; the server stays up but not ready. */
    FAILED
  }

  /** What a loaded engine holds. */
  private record Loaded(EmbeddingStore store, String source, RewriteService service,
      MechanismContext context, TargetNwCalibrations calibrations) {}

  /** Most {@code target_nw} calibrations running or waiting at once. */
  static final int MAX_QUEUED_CALIBRATIONS = 8;

  private final AtomicReference<Loaded> loaded = new AtomicReference<>();
  private volatile Status status = Status.LOADING;

  /**
   * Loads the store and index and warms the mechanism up (blocking; call on a worker thread).
   *
   * @param embeddings a store file, or empty for the embedded GloVe subset
   * @param index the exact nearest-neighbour kernel ({@code index} setting)
   * @param workers rewrite worker threads
   * @param maxBatchTexts most records per shared nearest-neighbour batch
   * @param calibration Monte Carlo settings of {@code target_nw} calibrations
   */
  public void load(Optional<Path> embeddings, IndexKind index, int workers, int maxBatchTexts,
      TargetNwCalibrations.Settings calibration) {
    load(embeddings, index, OutputVocabulary.LETTERS, workers, maxBatchTexts, calibration);
  }

  /**
   * Loads the store and index and warms the mechanism up (blocking; call on a worker thread).
   *
   * @param embeddings a store file, or empty for the embedded GloVe subset
   * @param index the exact nearest-neighbour kernel ({@code index} setting)
   * @param outputs the public output vocabulary ({@code output_vocabulary} setting); a second index
   *     of the same kind is built over its words unless it is {@code all}
   * @param workers rewrite worker threads
   * @param maxBatchTexts most records per shared nearest-neighbour batch
   * @param calibration Monte Carlo settings of {@code target_nw} calibrations
   */
  public void load(Optional<Path> embeddings, IndexKind index, OutputVocabulary outputs,
      int workers, int maxBatchTexts, TargetNwCalibrations.Settings calibration) {
    try {
      long start = System.nanoTime();
      EmbeddingStore store = embeddings.map(EmbeddingStore::open).orElseGet(DefaultEmbeddings::open);
      // The neighbourhood-table certificate is off: it answers some words faster, and response
      // times are visible to HTTP clients (README, "Mechanisms and density calibration"). For the
      // same reason TEM reuses no sampler: every occurrence is one full scan, so a request's time
      // depends neither on its words nor on other tenants' requests.
      Rewriter rewriter =
          new Rewriter(
              MechanismContext.of(store, index.create(store), ProgressListener.NONE)
                  .restrictOutputs(outputs, index::create)
                  .certify(false)
                  .temReuse(false));
      rewriter.rewrite("warm up the index", RewriteOptions.builder().epsilon(10).build());
      if (Files.isRegularFile(NeighbourhoodTable.defaultPath(store,
          NeighbourhoodTableBuilder.DEFAULT_K))) {
        rewriter.context().table(); // opening is cheap; a missing table is built on first use
      }
      // Clients see the file name only: the server's directories are none of their business.
      String source = embeddings.map(p -> String.valueOf(p.getFileName()))
          .orElse(DefaultEmbeddings.NAME);
      loaded.set(new Loaded(store, source,
          new BatchingRewriteService(rewriter, workers, maxBatchTexts), rewriter.context(),
          new TargetNwCalibrations(rewriter.context(), calibration, MAX_QUEUED_CALIBRATIONS)));
      status = Status.READY;
      LOG.info("embeddings loaded: {} words x {} dimensions from {}, index {}, output vocabulary"
              + " {}, in {} ms; ready",
          store.size(), store.dimension(), embeddings.map(Path::toString).orElse(source),
          rewriter.context().outputIndex().name(), outputs.describe(),
          (System.nanoTime() - start) / 1_000_000);
    } catch (RuntimeException | Error e) {
      status = Status.FAILED;
      LOG.error("cannot load the embeddings or the index: {}", e.getMessage());
      throw e;
    }
  }

  /**
   * @return the loading state
   */
  public Status status() {
    return status;
  }

  /**
   * @return the rewrite service
   * @throws IllegalStateException if not ready
   */
  public RewriteService service() {
    return require().service();
  }

  /**
   * @return the loaded store
   * @throws IllegalStateException if not ready
   */
  public EmbeddingStore store() {
    return require().store();
  }

  /**
   * @return where the store came from, for clients: the configured store's file name (never its
   *     directory) or the embedded default's name
   * @throws IllegalStateException if not ready
   */
  public String source() {
    return require().source();
  }

  /**
   * @return the rewriter's store, index and lazily loaded density data
   * @throws IllegalStateException if not ready
   */
  public MechanismContext context() {
    return require().context();
  }

  /**
   * @return the background {@code target_nw} calibrations
   * @throws IllegalStateException if not ready
   */
  public TargetNwCalibrations calibrations() {
    return require().calibrations();
  }

  private Loaded require() {
    Loaded l = loaded.get();
    if (l == null) {
      throw new IllegalStateException("engine not ready");
    }
    return l;
  }

  /** Finishes queued rewrites and stops the workers. */
  @Override
  public void close() {
    Loaded l = loaded.get();
    if (l != null) {
      l.calibrations().close();
      l.service().close();
    }
  }
}
