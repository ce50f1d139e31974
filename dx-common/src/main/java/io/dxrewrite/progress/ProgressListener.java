package io.dxrewrite.progress;

/**
 * Receives progress of long computations (building a neighbour table, estimating plausible
 * deniability). The CLI draws a progress bar from it; libraries may ignore it.
 */
@FunctionalInterface
public interface ProgressListener {
  /** A listener that ignores all progress. */
  ProgressListener NONE = (done, total) -> {};

  /**
   * @param done units finished so far
   * @param total units in all
   */
  void progress(long done, long total);
}
