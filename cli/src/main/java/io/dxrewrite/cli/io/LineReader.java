package io.dxrewrite.cli.io;

import io.dxrewrite.error.InvalidInputException;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads strict UTF-8 lines and keeps each line's terminator, so that records are written back with
 * the same line endings (LF or CRLF) and a missing final newline stays missing.
 *
 * <p>Bytes are split at LF first and each line is decoded on its own, so invalid UTF-8 is reported
 * with the number of the line that holds it (a read-ahead decoder would fail on a later line's
 * bytes while an earlier line is read).
 */
public final class LineReader implements Closeable {
  private final InputStream in;
  private final String source;
  private final CharsetDecoder decoder =
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT);
  private final byte[] buffer = new byte[1 << 16];
  private int position;
  private int limit;
  private boolean ended;
  private byte[] line = new byte[256];
  private long number;

  /**
   * @param in the input, UTF-8
   * @param source a name for error messages ("stdin" or the path)
   */
  public LineReader(InputStream in, String source) {
    this.in = in;
    this.source = source;
  }

  /**
   * @return the next line, or null at the end of input
   * @throws InvalidInputException if the line is not valid UTF-8 (naming its line number, never
   *     its content)
   * @throws IOException on read failure
   */
  public Line next() throws IOException {
    int length = 0;
    boolean newline = false;
    while (!newline) {
      if (position == limit && !fill()) {
        break;
      }
      int start = position;
      int end = start;
      while (end < limit && buffer[end] != '\n') {
        end++;
      }
      newline = end < limit;
      length = append(length, start, end);
      position = newline ? end + 1 : end;
    }
    if (!newline && length == 0) {
      return null;
    }
    number++;
    String terminator = "";
    if (newline) {
      terminator = "\n";
      if (length > 0 && line[length - 1] == '\r') {
        length--;
        terminator = "\r\n";
      }
    }
    String content;
    try {
      content = decoder.reset().decode(ByteBuffer.wrap(line, 0, length)).toString();
    } catch (CharacterCodingException e) {
      throw new InvalidInputException(source + ": line " + number + " is not valid UTF-8");
    }
    return new Line(content, terminator, number);
  }

  private boolean fill() throws IOException {
    if (ended) {
      return false;
    }
    int n = in.read(buffer);
    if (n < 0) {
      ended = true;
      return false;
    }
    position = 0;
    limit = n;
    return true;
  }

  private int append(int length, int start, int end) {
    int n = end - start;
    if (length + n > line.length) {
      line = Arrays.copyOf(line, Math.max(line.length * 2, length + n));
    }
    System.arraycopy(buffer, start, line, length, n);
    return length + n;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
