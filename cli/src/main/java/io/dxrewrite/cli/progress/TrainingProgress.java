package io.dxrewrite.cli.progress;

import io.dxrewrite.nlu.train.EpochMetrics;
import io.dxrewrite.nlu.train.TrainingListener;
import java.io.PrintStream;
import java.util.Locale;

/**
 * Training progress on standard error: a step bar (when enabled) and one line per epoch with the
 * test loss, test accuracy and the epsilon spent so far.
 */
public final class TrainingProgress implements TrainingListener, AutoCloseable {
  private final PrintStream err;
  private final boolean bar;
  private final int epochs;
  private ProgressLine progress;

  /**
   * @param err where to write
   * @param bar whether to draw a progress bar (stderr is a terminal)
   * @param epochs total epochs, for the per-epoch lines
   */
  public TrainingProgress(PrintStream err, boolean bar, int epochs) {
    this.err = err;
    this.bar = bar;
    this.epochs = epochs;
  }

  @Override
  public void onStep(long done, long total) {
    if (!bar) {
      return;
    }
    if (progress == null) {
      progress = new ProgressLine("train", " steps", total, err, true,
          ProgressLine.terminalWidth(), System::nanoTime);
    }
    progress.stepTo(done);
  }

  @Override
  public void onEpoch(EpochMetrics m) {
    String eps = Double.isInfinite(m.epsilon()) ? "non-private"
        : String.format(Locale.ROOT, "epsilon spent %.3f", m.epsilon());
    String line = String.format(Locale.ROOT,
        "epoch %d/%d  test loss %.4f  test accuracy %.4f  %s  (%.1f s)",
        m.epoch(), epochs, m.testLoss(), m.testAccuracy(), eps, m.seconds());
    if (progress != null) {
      progress.println(line);
    } else {
      err.println(line);
    }
  }

  @Override
  public void close() {
    if (progress != null) {
      progress.close();
    }
  }
}
