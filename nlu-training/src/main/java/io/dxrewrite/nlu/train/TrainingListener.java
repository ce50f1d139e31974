package io.dxrewrite.nlu.train;

/** Receives training progress (for a progress bar and per-epoch lines). */
public interface TrainingListener {
  /** A listener that ignores everything. */
  TrainingListener NONE = new TrainingListener() {};

  /**
   * @param done steps finished so far
   * @param total total steps of the run
   */
  default void onStep(long done, long total) {}

  /**
   * @param metrics the epoch just finished
   */
  default void onEpoch(EpochMetrics metrics) {}
}
