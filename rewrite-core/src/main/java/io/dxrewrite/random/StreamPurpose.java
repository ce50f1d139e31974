package io.dxrewrite.random;

/**
 * What a seeded random stream is for. {@link RandomSources#seeded(long, StreamPurpose, long)}
 * derives each stream from (seed, purpose label, key), so one seed given to two tools never makes
 * them draw the same numbers: seeded DP-SGD training and seeded rewriting with the same seed get
 * unrelated noise (issue 14, item 1). The labels are part of the derivation; changing one changes
 * every seeded output of that purpose.
 */
public enum StreamPurpose {
  /** Mechanism noise of one rewritten record (key: the record's position in its input). */
  REWRITE("rewrite"),
  /** DP-SGD's Poisson sampling and Gaussian gradient noise (key: 0, one stream per run). */
  DP_SGD("dp-sgd"),
  /** Initial weights of a trained model (key: 0). */
  MODEL_INIT("model-init"),
  /** Which words a calibration or an evaluation samples (key: 0). */
  SAMPLING("sampling"),
  /** Mechanism noise of a calibration's trials (key: the trial's index). */
  CALIBRATION("calibration"),
  /** Draws and pair sampling of a seeded privacy audit (key: word and chunk). */
  AUDIT("audit"),
  /**
   * Surrogate values the entity layer draws for one rewritten record's identifiers (key: the
   * record's position in its input), apart from its mechanism noise.
   */
  SURROGATE("surrogate");

  private final String label;

  StreamPurpose(String label) {
    this.label = label;
  }

  /** @return the stable ASCII label that enters the derivation, e.g. {@code "dp-sgd"} */
  public String label() {
    return label;
  }
}
