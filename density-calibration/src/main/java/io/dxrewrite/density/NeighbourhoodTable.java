package io.dxrewrite.density;

import io.dxrewrite.embeddings.EmbeddingStore;
import io.dxrewrite.error.StoreFormatException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.zip.CRC32C;

/**
 * For every vocabulary word, its K nearest other words (ascending distance, ties to the lowest id)
 * with their Euclidean distances, plus the global bounds {@link #deltaMin()} and {@link
 * #deltaMax()} (see {@link DistanceBounds}). Built by {@link NeighbourhoodTableBuilder} with the
 * exact index, stored next to the embedding store and memory-mapped on open. Immutable and
 * thread-safe.
 *
 * <p>Distances are computed in float64 and stored as float32 rounded towards zero, so a stored
 * distance never exceeds the true one (safe for pruning certificates that need a lower bound).
 *
 * <p>File format, version {@value #VERSION}, little-endian:
 *
 * <pre>
 * offset size field
 *   0     8  magic "DXRWNBR\n"
 *   8     4  format version
 *  12     4  V
 *  16     4  K
 *  20     4  reserved (0)
 *  24     8  CRC32C checksum of the embedding store the table was built from
 *  32     8  deltaMin (float64)
 *  40     8  deltaMax (float64)
 *  48     8  file length
 *  56     8  CRC32C of every byte except [56, 64)
 *  64        int32[V*K] neighbour ids, row-major (row = word)
 *  ...       float32[V*K] distances, row-major
 * </pre>
 */
public final class NeighbourhoodTable {
  static final byte[] MAGIC = "DXRWNBR\n".getBytes(StandardCharsets.US_ASCII);
  static final int VERSION = 1;
  static final int HEADER = 64;
  static final int CHECKSUM_OFFSET = 56;
  /** Words per block of {@link #kthDistanceBound}. */
  static final int BOUND_BLOCK = 256;

  private final int size;
  private final int k;
  private final IntBuffer ids;
  private final FloatBuffer distances;
  private final double deltaMin;
  private final double deltaMax;
  private final long storeChecksum;
  private final float[] kthDistanceBlockMax;

  private NeighbourhoodTable(
      int size,
      int k,
      IntBuffer ids,
      FloatBuffer distances,
      double deltaMin,
      double deltaMax,
      long storeChecksum,
      float[] kthDistanceBlockMax) {
    this.size = size;
    this.k = k;
    this.ids = ids;
    this.distances = distances;
    this.deltaMin = deltaMin;
    this.deltaMax = deltaMax;
    this.storeChecksum = storeChecksum;
    this.kthDistanceBlockMax = kthDistanceBlockMax;
  }

  /**
   * An upper bound on {@code distance(word, k() - 1)} held on the heap (the largest K-th neighbour
   * distance among the {@value #BOUND_BLOCK} words of word's block), so that a certificate that
   * cannot succeed is refused without faulting the word's table row into memory.
   *
   * @param word a word id in {@code [0, size())}
   * @return the bound, in embedding units
   */
  float kthDistanceBound(int word) {
    return kthDistanceBlockMax[word / BOUND_BLOCK];
  }

  /**
   * Memory-maps a table and checks it belongs to {@code store}.
   *
   * @param file the table file
   * @param store the embedding it was built from
   * @return the table
   * @throws StoreFormatException if the file is missing, truncated, corrupted, of another version,
   *     or was built from another store (checksum or size mismatch)
   */
  public static NeighbourhoodTable open(Path file, EmbeddingStore store) {
    Path absolute = file.toAbsolutePath();
    try (FileChannel ch = FileChannel.open(absolute, StandardOpenOption.READ)) {
      long size = ch.size();
      if (size < HEADER) {
        throw new StoreFormatException(absolute, "not a neighbour table: shorter than its header");
      }
      if (size > Integer.MAX_VALUE) {
        throw new StoreFormatException(absolute, "neighbour tables over 2 GiB are not supported");
      }
      MappedByteBuffer map = ch.map(FileChannel.MapMode.READ_ONLY, 0, size);
      map.order(ByteOrder.LITTLE_ENDIAN);
      byte[] magic = new byte[MAGIC.length];
      map.get(0, magic);
      if (!Arrays.equals(magic, MAGIC)) {
        throw new StoreFormatException(absolute, "not a neighbour table (bad magic number)");
      }
      if (map.getInt(8) != VERSION) {
        throw new StoreFormatException(
            absolute, "neighbour table version " + map.getInt(8) + " is not supported (rebuild it)");
      }
      int v = map.getInt(12);
      int k = map.getInt(16);
      long fileLength = map.getLong(48);
      if (fileLength != size || size != HEADER + 8L * v * k || v <= 0 || k <= 0) {
        throw new StoreFormatException(absolute, "truncated or corrupted neighbour table");
      }
      float[] blockMax = new float[(v + BOUND_BLOCK - 1) / BOUND_BLOCK];
      if (scan(ch, size, v, k, blockMax) != map.getLong(CHECKSUM_OFFSET)) {
        throw new StoreFormatException(absolute, "corrupted neighbour table: checksum mismatch");
      }
      if (v != store.size() || map.getLong(24) != store.checksum()) {
        throw new StoreFormatException(
            absolute, "neighbour table was built from another embedding store (rebuild it)");
      }
      IntBuffer ids = map.slice(HEADER, 4 * v * k).order(ByteOrder.LITTLE_ENDIAN).asIntBuffer();
      FloatBuffer distances =
          map.slice(HEADER + 4 * v * k, 4 * v * k).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
      return new NeighbourhoodTable(
          v, k, ids, distances, map.getDouble(32), map.getDouble(40), map.getLong(24), blockMax);
    } catch (NoSuchFileException e) {
      throw new StoreFormatException(absolute, "no such file");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read neighbour table " + absolute, e);
    }
  }

  /**
   * Reads the file once through the channel rather than the mapping: checksumming the mapping
   * would fault every page (about 175 MB for the full GloVe store) into this process's resident
   * set, although a rewrite then reads only the rows of the words it perturbs. The same pass
   * collects, per block of {@value #BOUND_BLOCK} words, the largest K-th neighbour distance.
   *
   * @param blockMax filled with the largest {@code distance(w, K-1)} of each block of words
   * @return the CRC32C of every byte except the checksum field
   */
  private static long scan(FileChannel ch, long size, int v, int k, float[] blockMax)
      throws IOException {
    CRC32C crc = new CRC32C();
    ByteBuffer buffer = ByteBuffer.allocateDirect(1 << 20).order(ByteOrder.LITTLE_ENDIAN);
    long kth = HEADER + 4L * v * k + 4L * (k - 1); // offset of distance(0, K-1)
    int word = 0;
    long position = 0;
    while (position < size) {
      buffer.clear();
      // whole 1 MiB chunks (the last one shorter), so no 4-byte entry straddles two chunks
      int read;
      do {
        read = ch.read(buffer, position + buffer.position());
      } while (read >= 0 && buffer.hasRemaining());
      buffer.flip();
      int n = buffer.limit();
      if (n == 0) {
        throw new IOException("file shrank while being read");
      }
      int skipFrom = (int) Math.max(0, Math.min(n, CHECKSUM_OFFSET - position));
      int skipTo = (int) Math.max(0, Math.min(n, CHECKSUM_OFFSET + 8 - position));
      for (long at = kth + 4L * k * word; word < v && at + 4 <= position + n; at += 4L * k) {
        int block = word / BOUND_BLOCK;
        blockMax[block] = Math.max(blockMax[block], buffer.getFloat((int) (at - position)));
        word++;
      }
      crc.update(buffer.slice(0, skipFrom));
      crc.update(buffer.slice(skipTo, n - skipTo));
      position += n;
    }
    return crc.getValue();
  }

  static ByteBuffer header(int v, int k, long storeChecksum, double deltaMin, double deltaMax) {
    ByteBuffer h = ByteBuffer.allocate(HEADER).order(ByteOrder.LITTLE_ENDIAN);
    h.put(MAGIC).putInt(VERSION).putInt(v).putInt(k).putInt(0).putLong(storeChecksum);
    h.putDouble(deltaMin).putDouble(deltaMax).putLong(HEADER + 8L * v * k).putLong(0L);
    h.flip();
    return h;
  }

  /**
   * @return V, the number of words
   */
  public int size() {
    return size;
  }

  /**
   * @return K, neighbours per word
   */
  public int k() {
    return k;
  }

  /**
   * @param word word id
   * @param rank 0-based rank, {@code < K}; rank 0 is the nearest other word
   * @return the neighbour's id
   */
  public int neighbour(int word, int rank) {
    return ids.get(word * k + rank);
  }

  /**
   * @param word word id
   * @param rank 0-based rank, {@code < K}
   * @return the Euclidean distance to that neighbour (float32, rounded towards zero)
   */
  public float distance(int word, int rank) {
    return distances.get(word * k + rank);
  }

  /**
   * @return the exact smallest non-zero distance between two vocabulary words
   */
  public double deltaMin() {
    return deltaMin;
  }

  /**
   * @return an upper bound on the largest distance between two vocabulary words
   */
  public double deltaMax() {
    return deltaMax;
  }

  /**
   * @return checksum of the store the table belongs to
   */
  public long storeChecksum() {
    return storeChecksum;
  }

  /**
   * @param word word id
   * @return the word's density statistics (distances to its 1st and K-th neighbour, mean)
   */
  public DensityStatistics statistics(int word) {
    double sum = 0;
    for (int r = 0; r < k; r++) {
      sum += distance(word, r);
    }
    return new DensityStatistics(distance(word, 0), distance(word, k - 1), sum / k);
  }

  /**
   * @param store the embedding the table belongs to
   * @param k neighbours per word
   * @return where the table of {@code store} with this K lives: next to the store file
   */
  public static Path defaultPath(EmbeddingStore store, int k) {
    Path storePath = store.path();
    return storePath.resolveSibling(storePath.getFileName() + ".k" + k + ".dxnbr");
  }
}
