package io.dxrewrite.nn;

import io.dxrewrite.embeddings.EmbeddingStore;
import java.util.BitSet;
import java.util.Objects;
import java.util.function.Function;

/**
 * An exact index over a subset S of a store's rows (the public output vocabulary, {@link
 * io.dxrewrite.embeddings.OutputVocabulary}) that answers with ids of the full store.
 *
 * <p>Built by copying the rows of S into an in-memory sub-store ({@link EmbeddingStore#rows}) and
 * building any exact index over it (SIMD, ND4J, GPU: the factory decides), then mapping each
 * returned sub-store id j back to the full id {@code ids[j]}. Rows keep their float32 values and
 * stored norms, so distances are bit-identical to the full index; the mapping is increasing, so
 * "ties to the lowest id" keeps its meaning. Hence for every query the result equals the float64
 * brute force restricted to S, and equals the full index's result whenever that lies in S.
 */
public final class SubsetIndex implements NearestNeighbourIndex {
  private final NearestNeighbourIndex inner;
  private final int[] ids;
  private final BitSet allowed;
  private final int fullSize;

  /**
   * @param store the full store, {@code V x d}
   * @param allowed the rows of S, bits within {@code [0, V)}, at least one set
   * @param factory builds the exact index over the sub-store (e.g. {@code IndexKind::create})
   * @throws IllegalArgumentException if allowed is empty or has a bit at or above V
   */
  public SubsetIndex(
      EmbeddingStore store, BitSet allowed, Function<EmbeddingStore, NearestNeighbourIndex> factory) {
    Objects.requireNonNull(factory, "factory");
    if (allowed.isEmpty() || allowed.length() > store.size()) {
      throw new IllegalArgumentException(
          "the allowed rows must be a non-empty subset of [0, " + store.size() + ")");
    }
    this.ids = allowed.stream().toArray();
    this.allowed = (BitSet) allowed.clone();
    this.fullSize = store.size();
    this.inner = factory.apply(store.rows(ids));
  }

  /**
   * @return |S|, the number of indexed rows (top-k needs {@code k <= |S|})
   */
  @Override
  public int size() {
    return ids.length;
  }

  /**
   * @return V of the full store: every returned id lies in {@code [0, V)}
   */
  public int fullSize() {
    return fullSize;
  }

  /**
   * @return a copy of S as bits over {@code [0, V)}
   */
  public BitSet allowed() {
    return (BitSet) allowed.clone();
  }

  @Override
  public int dimension() {
    return inner.dimension();
  }

  @Override
  public String name() {
    return inner.name() + " over " + ids.length + " of " + fullSize + " words";
  }

  /**
   * @return the index over the sub-store that does the work (its ids are sub-store ids)
   */
  public NearestNeighbourIndex inner() {
    return inner;
  }

  @Override
  public int[] nearest(float[] queries, int count) {
    return map(inner.nearest(queries, count));
  }

  @Override
  public int[] nearest(float[] queries, int count, int k) {
    return map(inner.nearest(queries, count, k));
  }

  private int[] map(int[] local) {
    for (int i = 0; i < local.length; i++) {
      local[i] = ids[local[i]];
    }
    return local;
  }

  @Override
  public void close() {
    inner.close();
  }
}
