package io.dxrewrite.server.api;

import io.vertx.core.buffer.Buffer;
import java.util.function.Consumer;

/**
 * Splits a byte stream into lines at {@code \n} (a preceding {@code \r} is dropped), keeping at
 * most {@code maxLineBytes} of a pending line in memory. A longer line is reported once as {@link
 * Line#tooLong()} and skipped up to its newline, so the stream goes on. A last line without a
 * newline is emitted by {@link #end()}.
 */
public final class NdjsonSplitter {
  /** One line, or the marker of a line over the limit. */
  public record Line(Buffer bytes, boolean tooLong) {}

  private final int maxLineBytes;
  private final Consumer<Line> lines;
  private Buffer pending = Buffer.buffer();
  private boolean skipping;

  /**
   * @param maxLineBytes largest line kept, in bytes
   * @param lines receives each line in order
   */
  public NdjsonSplitter(int maxLineBytes, Consumer<Line> lines) {
    this.maxLineBytes = maxLineBytes;
    this.lines = lines;
  }

  /**
   * @param chunk the next bytes of the stream
   */
  public void feed(Buffer chunk) {
    int start = 0;
    for (int i = 0; i < chunk.length(); i++) {
      if (chunk.getByte(i) == '\n') {
        append(chunk, start, i);
        emit();
        start = i + 1;
      }
    }
    append(chunk, start, chunk.length());
  }

  /** Emits the last line if it had no newline. */
  public void end() {
    if (pending.length() > 0 || skipping) {
      emit();
    }
  }

  private void append(Buffer chunk, int from, int to) {
    if (skipping || from == to) {
      return;
    }
    if (pending.length() + (to - from) > maxLineBytes) {
      skipping = true;
      pending = Buffer.buffer();
      return;
    }
    pending.appendBuffer(chunk, from, to - from);
  }

  private void emit() {
    if (skipping) {
      lines.accept(new Line(Buffer.buffer(), true));
    } else {
      Buffer line = pending;
      int n = line.length();
      if (n > 0 && line.getByte(n - 1) == '\r') {
        line = line.getBuffer(0, n - 1);
      }
      lines.accept(new Line(line, false));
    }
    pending = Buffer.buffer();
    skipping = false;
  }
}
