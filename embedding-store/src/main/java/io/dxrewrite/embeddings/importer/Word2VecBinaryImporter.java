package io.dxrewrite.embeddings.importer;

import io.dxrewrite.embeddings.EmbeddingTable;
import io.dxrewrite.error.StoreFormatException;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Reads the word2vec binary format (Mikolov et al.'s {@code word2vec.c}): an ASCII header line
 * "V d", then for each word its UTF-8 bytes, one space, d little-endian float32 values and an
 * optional newline. Gzip-compressed files ({@code .bin.gz}) are accepted.
 */
final class Word2VecBinaryImporter implements EmbeddingImporter {
  private static final int MAX_WORD_BYTES = 4096;

  @Override
  public EmbeddingTable read(Path file, int maxWords) {
    try (InputStream in = Inputs.open(file)) {
      String headerLine = readToken(in, file, '\n', 256, "header");
      String[] parts = headerLine.trim().split(" ");
      int v;
      int d;
      try {
        v = Integer.parseInt(parts[0]);
        d = Integer.parseInt(parts[1]);
      } catch (RuntimeException e) {
        throw new StoreFormatException(file, "not word2vec binary: header is not 'V d'");
      }
      if (v <= 0 || d <= 0 || parts.length != 2) {
        throw new StoreFormatException(file, "not word2vec binary: header is not 'V d' with V, d > 0");
      }
      TableBuilder builder = new TableBuilder(file, d, maxWords);
      byte[] raw = new byte[4 * d];
      float[] values = new float[d];
      for (int i = 0; i < v && !builder.full(); i++) {
        String word = readToken(in, file, ' ', MAX_WORD_BYTES, "word " + (i + 1)).strip();
        if (in.readNBytes(raw, 0, raw.length) != raw.length) {
          throw new StoreFormatException(
              file, "truncated: vector of word " + (i + 1) + " of " + v + " is incomplete");
        }
        ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values);
        builder.add(word, values, 0, "word " + (i + 1));
      }
      return builder.build("word2vec binary " + file.getFileName());
    } catch (EOFException e) {
      throw new StoreFormatException(file, "truncated");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /** Reads bytes up to {@code stop}, skipping leading newlines; the stop byte is consumed. */
  private static String readToken(InputStream in, Path file, char stop, int max, String what)
      throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    while (true) {
      int b = in.read();
      if (b < 0) {
        throw new StoreFormatException(file, "truncated in " + what);
      }
      if (b == '\n' && bytes.size() == 0 && stop == ' ') {
        continue;
      }
      if (b == stop) {
        break;
      }
      if (bytes.size() >= max) {
        throw new StoreFormatException(
            file, "not word2vec binary: " + what + " is longer than " + max + " bytes");
      }
      bytes.write(b);
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
