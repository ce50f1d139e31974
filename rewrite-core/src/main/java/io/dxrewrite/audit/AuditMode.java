package io.dxrewrite.audit;

/** How the auditor obtains output probabilities. */
public enum AuditMode {
  /**
   * Exact float64 log-probabilities from {@link io.dxrewrite.mechanism.ExactMechanism}, compared
   * with the tolerance {@link ExactCheck#TOLERANCE}.
   */
  EXACT,
  /**
   * Draws through the mechanism's own {@code perturb}, with one-sided Clopper-Pearson bounds and a
   * Bonferroni correction (see {@link SamplingCheck}).
   */
  SAMPLING
}
