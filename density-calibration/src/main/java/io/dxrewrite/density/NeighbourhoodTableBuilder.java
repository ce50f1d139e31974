package io.dxrewrite.density;

import io.dxrewrite.progress.ProgressListener;

import io.dxrewrite.files.UmaskTempFile;
import io.dxrewrite.embeddings.EmbeddingStore;
import io.dxrewrite.error.DxPreconditions;
import io.dxrewrite.nn.ExactDistances;
import io.dxrewrite.nn.NearestNeighbourIndex;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32C;

/**
 * Builds a {@link NeighbourhoodTable}: every word's vector is a query for the exact index (top
 * K+1, in batches), the word itself is dropped, and the distances are recomputed in float64. The
 * file is written to a temporary name and renamed into place.
 */
public final class NeighbourhoodTableBuilder {
  /** Default neighbours per word. */
  public static final int DEFAULT_K = 64;

  private static final int BATCH = 1024;

  private NeighbourhoodTableBuilder() {}

  /**
   * Opens the table of {@code store} next to it, building it first when it is missing or stale.
   *
   * @param store the embedding
   * @param index an exact index over it
   * @param k neighbours per word, {@code 1 <= k < V}
   * @param listener build progress (words done of V)
   * @return the table
   */
  public static NeighbourhoodTable openOrBuild(
      EmbeddingStore store, NearestNeighbourIndex index, int k, ProgressListener listener) {
    Path path = NeighbourhoodTable.defaultPath(store, k);
    if (Files.isRegularFile(path)) {
      try {
        return NeighbourhoodTable.open(path, store);
      } catch (RuntimeException stale) {
        // rebuilt below
      }
    }
    build(store, index, k, path, listener);
    return NeighbourhoodTable.open(path, store);
  }

  /**
   * Builds the table and writes it to {@code target}.
   *
   * @param store the embedding
   * @param index an exact index over it
   * @param k neighbours per word, {@code 1 <= k < V}
   * @param target the file to write
   * @param listener progress, in words done of V
   * @throws io.dxrewrite.error.InvalidParameterException if k is out of range
   * @throws UncheckedIOException if the file cannot be written (nothing is left under target)
   */
  public static void build(
      EmbeddingStore store,
      NearestNeighbourIndex index,
      int k,
      Path target,
      ProgressListener listener) {
    int v = store.size();
    int d = store.dimension();
    DxPreconditions.checkArgument(
        k >= 1 && k < v, "k must be in [1, " + (v - 1) + "] for this store, got " + k);
    int[] ids = new int[v * k];
    float[] dist = new float[v * k];
    FloatBuffer matrix = store.matrix();
    double deltaMin = Double.POSITIVE_INFINITY;
    float[] queries = new float[BATCH * d];
    for (int first = 0; first < v; first += BATCH) {
      int n = Math.min(BATCH, v - first);
      for (int i = 0; i < n; i++) {
        store.copyVector(first + i, queries, i * d);
      }
      int[] found = index.nearest(queries, n, k + 1);
      for (int i = 0; i < n; i++) {
        int word = first + i;
        int w = 0;
        for (int r = 0; r <= k && w < k; r++) {
          int id = found[i * (k + 1) + r];
          if (id == word) {
            continue;
          }
          ids[word * k + w] = id;
          double exact = Math.sqrt(ExactDistances.squaredDistance(queries, i * d, matrix, id, d));
          dist[word * k + w] = roundDown(exact);
          if (exact > 0 && exact < deltaMin) {
            deltaMin = exact;
          }
          w++;
        }
        if (dist[word * k + k - 1] == 0) {
          // all K neighbours coincide with the word: its nearest non-zero one lies further out
          deltaMin = Math.min(deltaMin, DistanceBounds.nearestNonZeroDistance(store, word));
        }
      }
      listener.progress(first + n, v);
    }
    double deltaMax = DistanceBounds.deltaMaxUpperBound(store);
    write(target, v, k, store.checksum(), deltaMin, deltaMax, ids, dist);
  }

  private static float roundDown(double x) {
    float f = (float) x;
    return f > x ? Math.nextDown(f) : f;
  }

  private static void write(
      Path target,
      int v,
      int k,
      long storeChecksum,
      double deltaMin,
      double deltaMax,
      int[] ids,
      float[] dist) {
    Path absolute = target.toAbsolutePath();
    Path tmp = null;
    try {
      tmp = UmaskTempFile.createSibling(absolute);
      ByteBuffer header = NeighbourhoodTable.header(v, k, storeChecksum, deltaMin, deltaMax);
      ByteBuffer body = ByteBuffer.allocate(8 * v * k).order(ByteOrder.LITTLE_ENDIAN);
      body.asIntBuffer().put(ids);
      body.position(4 * v * k);
      body.slice().order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().put(dist);
      body.clear();
      CRC32C crc = new CRC32C();
      crc.update(header.duplicate().limit(NeighbourhoodTable.CHECKSUM_OFFSET));
      crc.update(body.duplicate());
      header.putLong(NeighbourhoodTable.CHECKSUM_OFFSET, crc.getValue());
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
        while (header.hasRemaining()) {
          ch.write(header);
        }
        while (body.hasRemaining()) {
          ch.write(body);
        }
        ch.force(true);
      }
      Files.move(tmp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      tmp = null;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write neighbour table " + absolute, e);
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // best effort
        }
      }
    }
  }
}
