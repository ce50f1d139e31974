package io.dxrewrite.cli.io;

import io.dxrewrite.error.InvalidInputException;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads strict UTF-8 lines and keeps each line's terminator, so that records are written back with
 * the same line endings (LF or CRLF) and a missing final newline stays missing.
 */
public final class LineReader implements Closeable {
  private final BufferedReader reader;
  private final String source;
  private long number;
  private final StringBuilder buffer = new StringBuilder(256);

  /**
   * @param in the input, UTF-8
   * @param source a name for error messages ("stdin" or the path)
   */
  public LineReader(InputStream in, String source) {
    this.reader =
        new BufferedReader(
            new InputStreamReader(
                in,
                StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)),
            1 << 16);
    this.source = source;
  }

  /**
   * @return the next line, or null at the end of input
   * @throws InvalidInputException if the input is not valid UTF-8 (naming the line number)
   * @throws IOException on read failure
   */
  public Line next() throws IOException {
    buffer.setLength(0);
    int c;
    try {
      while ((c = reader.read()) >= 0) {
        if (c == '\n') {
          number++;
          int len = buffer.length();
          if (len > 0 && buffer.charAt(len - 1) == '\r') {
            return new Line(buffer.substring(0, len - 1), "\r\n", number);
          }
          return new Line(buffer.toString(), "\n", number);
        }
        buffer.append((char) c);
      }
    } catch (CharacterCodingException e) {
      throw new InvalidInputException(source + ": line " + (number + 1) + " is not valid UTF-8");
    }
    if (buffer.length() == 0) {
      return null;
    }
    number++;
    return new Line(buffer.toString(), "", number);
  }

  @Override
  public void close() throws IOException {
    reader.close();
  }
}
