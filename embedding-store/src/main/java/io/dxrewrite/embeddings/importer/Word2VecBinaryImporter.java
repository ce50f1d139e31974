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
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Reads the word2vec binary format (Mikolov et al.'s {@code word2vec.c}): an ASCII header line
 * "V d", then for each word its UTF-8 bytes, one space, d little-endian float32 values and an
 * optional newline. Gzip-compressed files ({@code .bin.gz}) are accepted.
 *
 * <p>Refused, naming the file and the word record (1-based): a word that is not valid UTF-8 (it
 * used to become U+FFFD and merge with another word), a word refused by {@link TableBuilder}
 * (empty, whitespace only, a control character, a repeat), a non-finite component, fewer records
 * than the header's V, and any data after the V-th record but one newline. A wrong d in the
 * header misaligns the records, which then fail one of these checks.
 */
final class Word2VecBinaryImporter implements EmbeddingImporter {
  private static final int MAX_WORD_BYTES = 4096;

  @Override
  public EmbeddingTable read(Path file, int maxWords) {
    try (InputStream in = Inputs.open(file)) {
      String headerLine = decode(readToken(in, file, '\n', 256, "header"), file, "header");
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
      for (int i = 0; i < v; i++) {
        String where = "word record " + (i + 1) + " of " + v;
        String word = decode(readToken(in, file, ' ', MAX_WORD_BYTES, where), file, where);
        if (in.readNBytes(raw, 0, raw.length) != raw.length) {
          throw new StoreFormatException(file, "truncated: the vector of " + where + " is incomplete");
        }
        ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values);
        builder.add(word, values, 0, where);
      }
      int after = in.read();
      if (after == '\n') {
        after = in.read();
      }
      if (after >= 0) {
        throw new StoreFormatException(
            file, "data after the last of the " + v + " word records the header declares");
      }
      return builder.build("word2vec binary " + file.getFileName());
    } catch (EOFException e) {
      throw new StoreFormatException(file, "truncated");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  private static String decode(byte[] bytes, Path file, String where) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new StoreFormatException(file, where + ": not valid UTF-8");
    }
  }

  /** Reads bytes up to {@code stop}, skipping leading newlines; the stop byte is consumed. */
  private static byte[] readToken(InputStream in, Path file, char stop, int max, String what)
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
    return bytes.toByteArray();
  }
}
