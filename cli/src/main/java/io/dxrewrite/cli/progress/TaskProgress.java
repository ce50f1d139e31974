package io.dxrewrite.cli.progress;

import io.dxrewrite.progress.ProgressListener;

/**
 * A progress line on stderr ({@link ProgressLine}) for long library tasks (neighbour-table builds, calibration), started
 * on the first progress report so that quick tasks draw nothing. Thread-safe.
 */
public final class TaskProgress implements ProgressListener, AutoCloseable {
  private final String task;
  private final String unit;
  private ProgressLine bar;

  /**
   * @param task name shown before the bar
   * @param unit unit shown with the speed, e.g. " words"
   */
  public TaskProgress(String task, String unit) {
    this.task = task;
    this.unit = unit;
  }

  @Override
  public synchronized void progress(long done, long total) {
    if (bar == null) {
      bar = ProgressLine.onStderr(task, unit, total);
    }
    bar.maxHint(total);
    bar.stepTo(done);
    if (done >= total) {
      close();
    }
  }

  @Override
  public synchronized void close() {
    if (bar != null) {
      bar.close();
      bar = null;
    }
  }
}
