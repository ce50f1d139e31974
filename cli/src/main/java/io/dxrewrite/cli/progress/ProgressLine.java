package io.dxrewrite.cli.progress;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * One task's progress on stderr, drawn two ways: on a terminal a line redrawn in place ({@code \r})
 * at most every 500 ms, with a bar that takes only the width the text leaves (and is left out
 * rather than collapsed when the terminal is too narrow, so the counts are never cut); to a file
 * or pipe, one plain line every 10 seconds and a last line on close, printed once and only if the
 * count moved since the previous line.
 *
 * <p>A line reads {@code rewrite  45% [=====>     ] 3956/8791 records, 1318.7/s, ETA 0:00:03,
 * 12345 words/s}; without a known total it shows the count and speed only. Not
 * thread-safe: callers synchronize.
 */
public final class ProgressLine implements AutoCloseable {
  /** Redraw interval on a terminal. */
  static final long TERMINAL_INTERVAL_NANOS = 500_000_000L;

  /** Interval between plain lines in a log. */
  static final long LOG_INTERVAL_NANOS = 10_000_000_000L;

  private static final int MIN_BAR = 10;

  private final String task;
  private final String unit;
  private final PrintStream err;
  private final boolean terminal;
  private final int width;
  private final LongSupplier clock;
  private final long startNanos;
  private long total;
  private long done;
  private String extra = "";
  private long lastDrawNanos;
  private long lastPrintedDone = -1;
  private int lastLength;
  private boolean closed;

  /**
   * @param task name at the start of the line
   * @param unit unit after the counts, e.g. " records"
   * @param total expected count, or a negative value when unknown
   * @param err where to write
   * @param terminal whether err is a terminal (redrawn line) or not (plain lines)
   * @param width terminal columns (ignored for plain lines)
   * @param clock nanosecond clock ({@link System#nanoTime} outside tests)
   */
  public ProgressLine(String task, String unit, long total, PrintStream err, boolean terminal,
      int width, LongSupplier clock) {
    this.task = task;
    this.unit = unit;
    this.total = total;
    this.err = err;
    this.terminal = terminal;
    this.width = Math.max(20, width);
    this.clock = clock;
    this.startNanos = clock.getAsLong();
    this.lastDrawNanos = startNanos;
  }

  /**
   * A line on {@code System.err}, redrawn when it is a terminal of {@link #terminalWidth()} columns.
   *
   * @param task name at the start of the line
   * @param unit unit after the counts, e.g. " records"
   * @param total expected count, or a negative value when unknown
   * @return the line
   */
  public static ProgressLine onStderr(String task, String unit, long total) {
    return new ProgressLine(task, unit, total, System.err, Terminal.stderrIsTerminal(),
        terminalWidth(), System::nanoTime);
  }

  /**
   * @return the {@code COLUMNS} environment variable when it holds a width, else 80
   */
  static int terminalWidth() {
    try {
      return Integer.parseInt(System.getenv().getOrDefault("COLUMNS", "80").trim());
    } catch (NumberFormatException e) {
      return 80;
    }
  }

  /**
   * @param count new absolute count
   */
  public void stepTo(long count) {
    done = count;
    maybeDraw();
  }

  /**
   * @param n count to add
   */
  public void stepBy(long n) {
    stepTo(done + n);
  }

  /**
   * @param newTotal the expected count, if it changed
   */
  public void maxHint(long newTotal) {
    total = newTotal;
  }

  /**
   * @param text shown after the speed and ETA, e.g. ", 12345 words/s"
   */
  public void setExtraMessage(String text) {
    extra = text == null ? "" : text;
  }

  /**
   * Prints a whole line of text (e.g. an epoch's results) above the progress line: on a terminal
   * the current frame is erased first and redrawn below at the next step.
   *
   * @param line the text
   */
  public void println(String line) {
    if (terminal && lastLength > 0) {
      err.print("\r" + " ".repeat(lastLength) + "\r");
      lastLength = 0;
      lastDrawNanos = clock.getAsLong() - TERMINAL_INTERVAL_NANOS;
    }
    err.println(line);
  }

  private void maybeDraw() {
    long now = clock.getAsLong();
    if (now - lastDrawNanos >= (terminal ? TERMINAL_INTERVAL_NANOS : LOG_INTERVAL_NANOS)) {
      draw(now);
    }
  }

  private void draw(long now) {
    lastDrawNanos = now;
    if (terminal) {
      String line = render(now);
      // pad over the previous frame's tail, then return to the line start for the next frame
      err.print("\r" + line + " ".repeat(Math.max(0, lastLength - line.length())));
      lastLength = line.length();
      err.flush();
    } else if (done != lastPrintedDone) {
      err.println(render(now));
    }
    lastPrintedDone = done;
  }

  /**
   * The line at time {@code now}; on a terminal it fits the width whenever the text does.
   *
   * @param now clock reading
   * @return the line, without line terminator
   */
  String render(long now) {
    double seconds = (now - startNanos) / 1e9;
    double rate = seconds > 0 ? done / seconds : 0;
    boolean known = total > 0;
    StringBuilder text = new StringBuilder();
    text.append(done);
    if (known) {
      text.append('/').append(total);
    }
    text.append(unit).append(", ")
        .append(String.format(Locale.ROOT, "%.1f/s", rate));
    if (known && done < total && rate > 0) {
      text.append(", ETA ").append(duration((total - done) / rate));
    } else {
      text.append(", ").append(duration(seconds));
    }
    text.append(extra);
    String head = task + (known
        ? String.format(Locale.ROOT, " %3d%%", (int) Math.min(100, 100 * done / total)) : "");
    if (!terminal || !known) {
      return head + " " + text;
    }
    int bar = width - 1 - head.length() - 4 - text.length();
    if (bar < MIN_BAR) {
      return head + " " + text;
    }
    int full = (int) Math.min(bar, (long) bar * done / total);
    String inside = "=".repeat(full) + (full < bar ? ">" + " ".repeat(bar - full - 1) : "");
    return head + " [" + inside + "] " + text;
  }

  private static String duration(double seconds) {
    long s = Math.max(0, Math.round(seconds));
    return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60);
  }

  /** Draws the final state once (a plain line only if the count moved) and ends the line. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    long now = clock.getAsLong();
    if (terminal) {
      draw(now);
      err.println();
    } else if (done != lastPrintedDone) {
      draw(now);
    }
    err.flush();
  }
}
