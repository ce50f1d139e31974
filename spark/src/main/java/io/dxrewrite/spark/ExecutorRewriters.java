package io.dxrewrite.spark;

import io.dxrewrite.embeddings.EmbeddingStore;
import io.dxrewrite.nn.Nd4jExactIndex;
import io.dxrewrite.rewrite.Rewriter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One {@link Rewriter} per executor JVM and store: the store is memory-mapped and its exact index
 * built on first use, then shared by every task (thread) of the executor. Keyed by {@link
 * StoreLocation}, i.e. by store path and checksum, so a job that switches stores gets a new one and
 * a rewritten file is never confused with the old one.
 *
 * <p>This is the only place where executors reach the store: closures carry a {@link
 * StoreLocation}, never the store or the index. Memory per executor: the mapped store file (page
 * cache, shared between executors on one host) plus one off-heap copy of the matrix for the index
 * ({@code 4 V d} bytes, 8 MB for the embedded 20k x 100 store).
 */
public final class ExecutorRewriters {
  private static final Map<StoreLocation, Rewriter> REWRITERS = new ConcurrentHashMap<>();

  private ExecutorRewriters() {}

  /**
   * @param location where the store is and which checksum it must have
   * @return this JVM's shared, thread-safe rewriter over that store
   * @throws io.dxrewrite.error.StoreFormatException if the store cannot be opened here
   * @throws io.dxrewrite.error.DxRewriteException if the store here differs from the driver's
   */
  public static Rewriter get(StoreLocation location) {
    return REWRITERS.computeIfAbsent(location, ExecutorRewriters::create);
  }

  private static Rewriter create(StoreLocation location) {
    EmbeddingStore store = location.open();
    return new Rewriter(store, new Nd4jExactIndex(store));
  }
}
