package io.dxrewrite.spark;

import io.dxrewrite.progress.ProgressListener;
import io.dxrewrite.embeddings.EmbeddingStore;
import io.dxrewrite.embeddings.OutputVocabulary;
import io.dxrewrite.mechanism.MechanismContext;
import io.dxrewrite.nn.IndexKind;
import io.dxrewrite.rewrite.Rewriter;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One {@link Rewriter} per executor JVM, store, index kind and output vocabulary: the store is
 * memory-mapped and its exact index built on first use (through {@link IndexKind}, the kind the
 * job asked for), then shared by every task (thread) of the executor. Keyed by {@link
 * StoreLocation}, i.e. by store path and checksum, so a job that switches stores gets a new one and
 * a rewritten file is never confused with the old one.
 *
 * <p>This is the only place where executors reach the store: closures carry a {@link
 * StoreLocation}, never the store or the index. Memory per executor: the mapped store file (page
 * cache, shared between executors on one host) plus one copy of the matrix for the index ({@code 4
 * V d} bytes, 8 MB for the embedded 20k x 100 store), and a second one over the output vocabulary
 * unless it is {@code all}.
 */
public final class ExecutorRewriters {
  private static final Map<Key, Rewriter> REWRITERS = new ConcurrentHashMap<>();

  private record Key(StoreLocation location, IndexKind index, OutputVocabulary outputs) {}

  private ExecutorRewriters() {}

  /**
   * The rewriter with the default index ({@link IndexKind#AUTO}) and output vocabulary ({@link
   * OutputVocabulary#LETTERS}).
   *
   * @param location where the store is and which checksum it must have
   * @return this JVM's shared, thread-safe rewriter over that store
   * @throws io.dxrewrite.error.StoreFormatException if the store cannot be opened here
   * @throws io.dxrewrite.error.DxRewriteException if the store here differs from the driver's
   */
  public static Rewriter get(StoreLocation location) {
    return get(location, IndexKind.AUTO, OutputVocabulary.LETTERS);
  }

  /**
   * @param location where the store is and which checksum it must have
   * @param index the nearest-neighbour kernel to build
   * @param outputs the public output vocabulary
   * @return this JVM's shared, thread-safe rewriter over that store, index and outputs
   * @throws io.dxrewrite.error.StoreFormatException if the store cannot be opened here
   * @throws io.dxrewrite.error.DxRewriteException if the store here differs from the driver's, or
   *     the index kind cannot run here (e.g. gpu without a GPU)
   */
  public static Rewriter get(StoreLocation location, IndexKind index, OutputVocabulary outputs) {
    return REWRITERS.computeIfAbsent(
        new Key(location, Objects.requireNonNull(index), Objects.requireNonNull(outputs)),
        ExecutorRewriters::create);
  }

  private static Rewriter create(Key key) {
    EmbeddingStore store = key.location().open();
    MechanismContext context =
        MechanismContext.of(store, key.index().create(store), ProgressListener.NONE)
            .restrictOutputs(key.outputs(), key.index()::create);
    return new Rewriter(context);
  }
}
