package io.dxrewrite.embeddings;

import io.dxrewrite.error.StoreFormatException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.zip.CRC32C;

/**
 * An immutable, memory-mapped embedding: a {@link Vocabulary} of V words, a float32 row-major
 * matrix {@code [V x d]} whose row {@code i} is phi(word i), and the precomputed squared L2 norms
 * {@code ||phi(w)||^2}. Distances everywhere in dx-rewrite are Euclidean distances in this space.
 *
 * <p>Opened once per process and shared by every thread: all accessors are thread-safe. The file
 * format is described in {@code StoreFormat}; {@link EmbeddingStoreWriter} writes it.
 */
public final class EmbeddingStore {
  private final Path path;
  private final Vocabulary vocabulary;
  private final int dimension;
  private final FloatBuffer matrix;
  private final FloatBuffer squaredNorms;
  private final long checksum;
  private final String source;
  private volatile float[] meanVector;

  private EmbeddingStore(
      Path path,
      Vocabulary vocabulary,
      int dimension,
      FloatBuffer matrix,
      FloatBuffer squaredNorms,
      long checksum,
      String source) {
    this.path = path;
    this.vocabulary = vocabulary;
    this.dimension = dimension;
    this.matrix = matrix;
    this.squaredNorms = squaredNorms;
    this.checksum = checksum;
    this.source = source;
  }

  /**
   * Memory-maps a store file, verifying its magic, format version, length and CRC32C checksum.
   *
   * @param file a file written by {@link EmbeddingStoreWriter}
   * @return the opened store
   * @throws StoreFormatException if the file is missing, truncated, corrupted (checksum
   *     mismatch), of another format version, or not a store at all; the message names the file
   * @throws UncheckedIOException on other I/O failures
   */
  public static EmbeddingStore open(Path file) {
    Path absolute = file.toAbsolutePath();
    if (java.nio.file.Files.isDirectory(absolute)) {
      throw new StoreFormatException(absolute, "is a folder, not an embedding store file");
    }
    try (FileChannel ch = FileChannel.open(absolute, StandardOpenOption.READ)) {
      long size = ch.size();
      if (size < StoreFormat.HEADER_SIZE) {
        throw new StoreFormatException(
            absolute, "not a dx-rewrite embedding store: " + size + " bytes is shorter than the header");
      }
      if (size > Integer.MAX_VALUE) {
        throw new StoreFormatException(
            absolute, "stores larger than 2 GiB are not supported by format version 1");
      }
      MappedByteBuffer map = ch.map(FileChannel.MapMode.READ_ONLY, 0, size);
      map.order(ByteOrder.LITTLE_ENDIAN);
      return parse(absolute, map, size);
    } catch (NoSuchFileException e) {
      throw new StoreFormatException(absolute, "no such file");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read embedding store " + absolute, e);
    }
  }

  private static EmbeddingStore parse(Path file, ByteBuffer map, long size) {
    byte[] magic = new byte[StoreFormat.MAGIC.length];
    map.get(0, magic);
    if (!Arrays.equals(magic, StoreFormat.MAGIC)) {
      throw new StoreFormatException(file, "not a dx-rewrite embedding store (bad magic number)");
    }
    int version = map.getInt(8);
    if (version != StoreFormat.VERSION) {
      throw new StoreFormatException(
          file,
          "store format version " + version + " is not supported; this build reads version "
              + StoreFormat.VERSION + " (re-import the embeddings)");
    }
    int v = map.getInt(12);
    int d = map.getInt(16);
    long metaOffset = map.getLong(24);
    long metaLength = map.getLong(32);
    long vocabOffset = map.getLong(40);
    long vocabLength = map.getLong(48);
    long hashOffset = map.getLong(56);
    long hashSlots = map.getLong(64);
    long matrixOffset = map.getLong(72);
    long normsOffset = map.getLong(80);
    long fileLength = map.getLong(88);
    long expectedChecksum = map.getLong(StoreFormat.CHECKSUM_OFFSET);
    if (fileLength != size) {
      throw new StoreFormatException(
          file,
          (size < fileLength ? "truncated" : "has trailing bytes") + ": header says " + fileLength
              + " bytes, file has " + size);
    }
    boolean consistent =
        v > 0
            && d > 0
            && metaOffset == StoreFormat.HEADER_SIZE
            && metaLength >= 0
            && vocabOffset == metaOffset + metaLength
            && vocabLength >= 4L * (v + 1)
            && hashOffset == StoreFormat.align(vocabOffset + vocabLength)
            && hashSlots >= 2L * v
            && hashSlots <= Integer.MAX_VALUE
            && matrixOffset == StoreFormat.align(hashOffset + 4L * hashSlots)
            && normsOffset == matrixOffset + 4L * v * d
            && fileLength == normsOffset + 4L * v;
    if (!consistent) {
      throw new StoreFormatException(file, "corrupted header (inconsistent sizes or offsets)");
    }
    long actualChecksum = checksum(map, size);
    if (actualChecksum != expectedChecksum) {
      throw new StoreFormatException(
          file,
          "corrupted: checksum mismatch (stored " + Long.toHexString(expectedChecksum)
              + ", computed " + Long.toHexString(actualChecksum) + ")");
    }
    String source =
        new String(bytes(map, metaOffset, (int) metaLength), StandardCharsets.UTF_8);
    int offsetsBytes = 4 * (v + 1);
    Vocabulary vocabulary =
        new Vocabulary(
            v,
            map.slice((int) vocabOffset, offsetsBytes).order(ByteOrder.LITTLE_ENDIAN).asIntBuffer(),
            map.slice((int) vocabOffset + offsetsBytes, (int) vocabLength - offsetsBytes),
            map.slice((int) hashOffset, (int) (4 * hashSlots))
                .order(ByteOrder.LITTLE_ENDIAN)
                .asIntBuffer());
    String problem = vocabulary.validate();
    if (problem != null) {
      throw new StoreFormatException(file, "corrupted: " + problem);
    }
    FloatBuffer matrix =
        map.slice((int) matrixOffset, 4 * v * d).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
    FloatBuffer norms =
        map.slice((int) normsOffset, 4 * v).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
    return new EmbeddingStore(file, vocabulary, d, matrix, norms, actualChecksum, source);
  }

  private static byte[] bytes(ByteBuffer map, long offset, int length) {
    byte[] out = new byte[length];
    map.get((int) offset, out);
    return out;
  }

  private static long checksum(ByteBuffer map, long size) {
    CRC32C crc = new CRC32C();
    crc.update(map.slice(0, StoreFormat.CHECKSUM_OFFSET));
    int after = StoreFormat.CHECKSUM_OFFSET + 8;
    crc.update(map.slice(after, (int) size - after));
    return crc.getValue();
  }

  /**
   * @return the file this store was opened from (absolute)
   */
  public Path path() {
    return path;
  }

  /**
   * @return the vocabulary, ids {@code 0..V-1}
   */
  public Vocabulary vocabulary() {
    return vocabulary;
  }

  /**
   * @return V, the number of words
   */
  public int size() {
    return vocabulary.size();
  }

  /**
   * @return d, the number of components per vector
   */
  public int dimension() {
    return dimension;
  }

  /**
   * @return CRC32C of the store file, as verified on open; identifies the store's content
   */
  public long checksum() {
    return checksum;
  }

  /**
   * @return the free-text source description stored at import (for example the corpus and the
   *     package the vectors came from)
   */
  public String source() {
    return source;
  }

  /**
   * @return a read-only view of the matrix, {@code float[V*d]} row-major, position 0; each caller
   *     gets its own view, so positions are not shared between threads
   */
  public FloatBuffer matrix() {
    return matrix.duplicate();
  }

  /**
   * Copies phi(word {@code id}) into {@code dst[offset .. offset+d)}.
   *
   * @param id word id in {@code [0, V)}
   * @param dst destination array
   * @param offset first index written in {@code dst}
   * @throws IndexOutOfBoundsException if id or the destination range is out of bounds
   */
  public void copyVector(int id, float[] dst, int offset) {
    matrix.get(id * dimension, dst, offset, dimension);
  }

  /**
   * @param id word id in {@code [0, V)}
   * @return a copy of phi(word {@code id}), {@code float[d]}
   * @throws IndexOutOfBoundsException if id is outside {@code [0, V)}
   */
  public float[] vector(int id) {
    float[] out = new float[dimension];
    copyVector(id, out, 0);
    return out;
  }

  /**
   * @param id word id in {@code [0, V)}
   * @param component component index in {@code [0, d)}
   * @return component {@code component} of phi(word {@code id})
   */
  public float component(int id, int component) {
    return matrix.get(id * dimension + component);
  }

  /**
   * @param id word id in {@code [0, V)}
   * @return {@code ||phi(word id)||^2}, computed in float64 at import and stored as float32
   */
  public float squaredNorm(int id) {
    return squaredNorms.get(id);
  }

  /**
   * An in-memory store holding only the given rows of this one, in the given order: row {@code j}
   * of the result is row {@code ids[j]} of this store, with the same float32 components and the
   * same stored squared norm, so any exact index built over it computes bit-identical distances.
   * Used to build an index over a public output vocabulary ({@code io.dxrewrite.nn.SubsetIndex}).
   * The result has this store's path and source; its checksum is derived from this store's checksum
   * and the ids, so it never passes for this store.
   *
   * @param ids row ids of this store, strictly increasing, at least one; {@code int[n]}
   * @return the sub-store, {@code n} words of dimension d, {@code 4 n (d + 1)} bytes on the heap
   * @throws IllegalArgumentException if ids is empty, not strictly increasing, or out of {@code
   *     [0, V)}
   */
  public EmbeddingStore rows(int[] ids) {
    if (ids.length == 0) {
      throw new IllegalArgumentException("a sub-store needs at least one row");
    }
    String[] words = new String[ids.length];
    float[] m = new float[ids.length * dimension];
    float[] n = new float[ids.length];
    CRC32C crc = new CRC32C();
    ByteBuffer scratch = ByteBuffer.allocate(8);
    scratch.putLong(0, checksum);
    crc.update(scratch.array(), 0, 8);
    int previous = -1;
    for (int j = 0; j < ids.length; j++) {
      int id = ids[j];
      if (id <= previous || id >= size()) {
        throw new IllegalArgumentException(
            "row ids must be strictly increasing within [0, " + size() + "), got " + id
                + " at position " + j);
      }
      previous = id;
      words[j] = vocabulary.word(id);
      copyVector(id, m, j * dimension);
      n[j] = squaredNorm(id);
      scratch.putInt(0, id);
      crc.update(scratch.array(), 0, 4);
    }
    return new EmbeddingStore(
        path,
        Vocabulary.of(words),
        dimension,
        FloatBuffer.wrap(m).asReadOnlyBuffer(),
        FloatBuffer.wrap(n).asReadOnlyBuffer(),
        crc.getValue(),
        source);
  }

  /**
   * The mean of all V vectors, computed in float64 on first use. It depends only on the public
   * embedding, never on input text, which makes it a public point for out-of-vocabulary words.
   *
   * @return a copy of the mean vector, {@code float[d]}
   */
  public float[] meanVector() {
    float[] mean = meanVector;
    if (mean == null) {
      double[] sum = new double[dimension];
      int v = size();
      for (int i = 0; i < v; i++) {
        int base = i * dimension;
        for (int j = 0; j < dimension; j++) {
          sum[j] += matrix.get(base + j);
        }
      }
      mean = new float[dimension];
      for (int j = 0; j < dimension; j++) {
        mean[j] = (float) (sum[j] / v);
      }
      meanVector = mean;
    }
    return mean.clone();
  }
}
