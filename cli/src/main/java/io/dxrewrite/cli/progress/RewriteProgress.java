package io.dxrewrite.cli.progress;

import java.util.Locale;

/**
 * Progress of a rewrite on standard error: records done of total, records/s, words/s and ETA (a
 * {@link ProgressLine}). A disabled instance only keeps the counts.
 */
public final class RewriteProgress implements AutoCloseable {
  private final ProgressLine bar;
  private final long startNanos = System.nanoTime();
  private long records;
  private long words;

  private RewriteProgress(ProgressLine bar) {
    this.bar = bar;
  }

  /**
   * @param totalRecords number of records expected, or -1 when unknown
   * @param enabled whether to draw the bar
   * @return the progress tracker
   */
  public static RewriteProgress start(long totalRecords, boolean enabled) {
    if (!enabled) {
      return new RewriteProgress(null);
    }
    return new RewriteProgress(ProgressLine.onStderr("rewrite", " records", totalRecords));
  }

  /**
   * @param recordsDone records finished since the last call
   * @param wordsDone words in those records
   */
  public void advance(long recordsDone, long wordsDone) {
    records += recordsDone;
    words += wordsDone;
    if (bar != null) {
      bar.setExtraMessage(String.format(Locale.ROOT, ", %.0f words/s", wordsPerSecond()));
      bar.stepBy(recordsDone);
    }
  }

  /**
   * @return records finished so far
   */
  public long records() {
    return records;
  }

  /**
   * @return words in the finished records
   */
  public long words() {
    return words;
  }

  /**
   * @return seconds since start
   */
  public double elapsedSeconds() {
    return (System.nanoTime() - startNanos) / 1e9;
  }

  /**
   * @return words per second since start
   */
  public double wordsPerSecond() {
    double s = elapsedSeconds();
    return s > 0 ? words / s : 0;
  }

  @Override
  public void close() {
    if (bar != null) {
      bar.close();
    }
  }
}
