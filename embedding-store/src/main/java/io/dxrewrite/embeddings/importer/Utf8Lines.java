package io.dxrewrite.embeddings.importer;

import io.dxrewrite.error.StoreFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Splits a byte stream into lines and decodes each line strictly as UTF-8, so that a decoding
 * error names the line it is on.
 *
 * <p>Why not {@code BufferedReader} over a reporting decoder: the reader decodes its whole buffer
 * ahead of the lines it has returned, so the error surfaced at a line counter that had not yet
 * reached the faulty line (line 1, or 1,667 for a fault on 2,501). Here the bytes of one line are
 * decoded only when that line is returned.
 */
final class Utf8Lines {
  /** Longest accepted line: far above any real vector line (300 dims is about 3 KB). */
  static final int MAX_LINE_BYTES = 1 << 24;

  private final InputStream in;
  private final Path file;
  private final CharsetDecoder decoder =
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT);
  private final byte[] buffer = new byte[1 << 16];
  private int position;
  private int limit;
  private byte[] line = new byte[1024];
  private int length;
  private long number;

  /**
   * @param in the bytes (not closed here)
   * @param file the file's name, for error messages
   */
  Utf8Lines(InputStream in, Path file) {
    this.in = in;
    this.file = file;
  }

  /**
   * @return the next line without its terminator ({@code \n} or {@code \r\n}), or null at the end
   *     of the stream (a final line without terminator is returned)
   * @throws StoreFormatException naming the line if it is not valid UTF-8 or too long
   * @throws IOException if reading fails
   */
  String next() throws IOException {
    length = 0;
    boolean any = false;
    while (true) {
      if (position == limit) {
        int n = in.read(buffer);
        if (n <= 0) {
          if (!any) {
            return null;
          }
          break;
        }
        position = 0;
        limit = n;
      }
      any = true;
      int start = position;
      while (position < limit && buffer[position] != '\n') {
        position++;
      }
      append(start, position - start);
      if (position < limit) {
        position++; // the '\n'
        break;
      }
    }
    number++;
    int n = length > 0 && line[length - 1] == '\r' ? length - 1 : length;
    try {
      return decoder.decode(ByteBuffer.wrap(line, 0, n)).toString();
    } catch (CharacterCodingException e) {
      throw new StoreFormatException(file, "line " + number + ": not valid UTF-8");
    }
  }

  /**
   * @return the number of the line last returned by {@link #next()} (1-based; 0 before the first)
   */
  long number() {
    return number;
  }

  private void append(int from, int count) {
    if (length + count > MAX_LINE_BYTES) {
      throw new StoreFormatException(
          file, "line " + (number + 1) + " is longer than " + MAX_LINE_BYTES + " bytes");
    }
    if (length + count > line.length) {
      line = Arrays.copyOf(line, Math.max(line.length * 2, length + count));
    }
    System.arraycopy(buffer, from, line, length, count);
    length += count;
  }
}
