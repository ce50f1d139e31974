package io.dxrewrite.embeddings;

import io.dxrewrite.files.UmaskTempFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32C;

/**
 * Writes an {@link EmbeddingTable} in the binary store format ({@link StoreFormat}, version 1).
 *
 * <p>The file is written to a temporary name in the target directory, forced to disk, and renamed
 * into place atomically, so a crash never leaves a partial store under the final name.
 */
public final class EmbeddingStoreWriter {
  private static final int CHUNK = 1 << 20;

  private EmbeddingStoreWriter() {}

  /**
   * Writes {@code table} to {@code target}, replacing any existing file atomically.
   *
   * @param table the embedding; its matrix is {@code float[V*d]}, row-major
   * @param target the store file to create
   * @throws UncheckedIOException if the file cannot be written (nothing is left under {@code
   *     target} then)
   */
  public static void write(EmbeddingTable table, Path target) {
    Path absolute = target.toAbsolutePath();
    Path tmp = null;
    try {
      tmp = UmaskTempFile.createSibling(absolute);
      writeTo(table, tmp);
      Files.move(tmp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      tmp = null;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write embedding store " + absolute, e);
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // best effort: the temporary name never shadows the target
        }
      }
    }
  }

  private static void writeTo(EmbeddingTable table, Path file) throws IOException {
    int v = table.size();
    int d = table.dimension();
    byte[] meta = table.source().getBytes(StandardCharsets.UTF_8);
    Vocabulary.Encoded vocab = Vocabulary.encode(table.words());
    long metaOffset = StoreFormat.HEADER_SIZE;
    long vocabOffset = metaOffset + meta.length;
    long vocabLength = (long) vocab.offsets().length + vocab.words().length;
    long hashOffset = StoreFormat.align(vocabOffset + vocabLength);
    long hashSlots = vocab.slotCount();
    long matrixOffset = StoreFormat.align(hashOffset + 4L * hashSlots);
    long normsOffset = matrixOffset + 4L * v * d;
    long fileLength = normsOffset + 4L * v;

    ByteBuffer header = ByteBuffer.allocate(StoreFormat.HEADER_SIZE).order(ByteOrder.LITTLE_ENDIAN);
    header.put(StoreFormat.MAGIC).putInt(StoreFormat.VERSION).putInt(v).putInt(d).putInt(0);
    header.putLong(metaOffset).putLong(meta.length);
    header.putLong(vocabOffset).putLong(vocabLength);
    header.putLong(hashOffset).putLong(hashSlots);
    header.putLong(matrixOffset).putLong(normsOffset).putLong(fileLength);
    header.putLong(0L); // checksum, patched below
    header.clear();

    CRC32C crc = new CRC32C();
    try (FileChannel ch =
        FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
      Sink sink = new Sink(ch, crc);
      sink.put(header.duplicate());
      sink.put(ByteBuffer.wrap(meta));
      sink.put(ByteBuffer.wrap(vocab.offsets()));
      sink.put(ByteBuffer.wrap(vocab.words()));
      sink.put(ByteBuffer.allocate((int) (hashOffset - vocabOffset - vocabLength)));
      sink.put(ByteBuffer.wrap(vocab.slots()));
      sink.put(ByteBuffer.allocate((int) (matrixOffset - hashOffset - 4L * hashSlots)));
      ByteBuffer buf = ByteBuffer.allocate(CHUNK).order(ByteOrder.LITTLE_ENDIAN);
      float[] vectors = table.vectors();
      for (float x : vectors) {
        sink.ensure(buf, 4);
        buf.putFloat(x);
      }
      for (int i = 0; i < v; i++) {
        double sq = 0;
        for (int j = 0; j < d; j++) {
          double x = vectors[i * d + j];
          sq += x * x;
        }
        sink.ensure(buf, 4);
        buf.putFloat((float) sq);
      }
      sink.flush(buf);
      ByteBuffer sum = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
      sum.putLong(crc.getValue()).flip();
      ch.write(sum, StoreFormat.CHECKSUM_OFFSET);
      ch.force(true);
    }
  }

  /** Writes buffers to the channel while feeding the checksum (the checksum slot holds zeros). */
  private static final class Sink {
    private final FileChannel channel;
    private final CRC32C crc;
    private long position;

    Sink(FileChannel channel, CRC32C crc) {
      this.channel = channel;
      this.crc = crc;
    }

    void put(ByteBuffer bytes) throws IOException {
      ByteBuffer forCrc = bytes.duplicate();
      int start = bytes.position();
      int length = bytes.remaining();
      updateCrc(forCrc, start, length);
      while (bytes.hasRemaining()) {
        channel.write(bytes);
      }
      position += length;
    }

    private void updateCrc(ByteBuffer bytes, int start, int length) {
      long from = position;
      long to = position + length;
      long skipFrom = StoreFormat.CHECKSUM_OFFSET;
      long skipTo = StoreFormat.CHECKSUM_OFFSET + 8;
      if (to <= skipFrom || from >= skipTo) {
        crc.update(bytes);
        return;
      }
      int before = (int) Math.max(0, skipFrom - from);
      int afterStart = (int) Math.min(length, skipTo - from);
      crc.update(bytes.duplicate().position(start).limit(start + before));
      crc.update(bytes.duplicate().position(start + afterStart).limit(start + length));
    }

    void ensure(ByteBuffer buf, int bytes) throws IOException {
      if (buf.remaining() < bytes) {
        flush(buf);
      }
      if (buf.remaining() < bytes) {
        throw new IOException("record of " + bytes + " bytes exceeds the write buffer");
      }
    }

    void flush(ByteBuffer buf) throws IOException {
      buf.flip();
      put(buf);
      buf.clear();
    }
  }
}
