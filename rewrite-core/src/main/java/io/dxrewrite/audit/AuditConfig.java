package io.dxrewrite.audit;

import io.dxrewrite.error.DxPreconditions;
import java.util.List;
import java.util.OptionalLong;

/**
 * What the auditor checks and how hard.
 *
 * @param pairs number of pairs the pair search produces (before the caller's extra pairs), {@code
 *     >= 1}; exact mode checks every pair instead when {@code |V| <= }{@link
 *     PrivacyAuditor#EXHAUSTIVE_LIMIT}
 * @param samples draws per word in sampling mode, {@code >= 100}
 * @param confidence family-wise confidence of sampling mode's violations, in (0, 1), e.g. 0.95
 * @param seed a seed for reproducible audits, or empty for SecureRandom-keyed ChaCha20 draws; it
 *     also seeds the pair search's random pairs (an unseeded audit uses a fixed pair-search seed,
 *     so the same pairs are checked every time; only the draws differ)
 * @param extraPairs pairs the caller adds (e.g. adversarial toy constructions), checked as well
 * @param worst how many pairs the report lists, {@code >= 1}
 */
public record AuditConfig(
    int pairs,
    int samples,
    double confidence,
    OptionalLong seed,
    List<AuditPair> extraPairs,
    int worst) {
  /** Default number of pairs. */
  public static final int DEFAULT_PAIRS = 40;

  /** Default draws per word. */
  public static final int DEFAULT_SAMPLES = 20_000;

  /** Default family-wise confidence. */
  public static final double DEFAULT_CONFIDENCE = 0.95;

  /** Default length of the worst-pairs list. */
  public static final int DEFAULT_WORST = 10;

  /**
   * @throws io.dxrewrite.error.InvalidParameterException if a value is out of range
   */
  public AuditConfig {
    DxPreconditions.checkAtLeast("pairs", pairs, 1);
    DxPreconditions.checkAtLeast("samples", samples, 100);
    DxPreconditions.checkArgument(
        confidence > 0 && confidence < 1, "confidence must be in (0, 1), got " + confidence);
    DxPreconditions.checkAtLeast("worst", worst, 1);
    extraPairs = List.copyOf(extraPairs);
    java.util.Objects.requireNonNull(seed, "seed");
  }

  /**
   * @return the defaults: {@value #DEFAULT_PAIRS} pairs, {@value #DEFAULT_SAMPLES} samples, 95%
   *     confidence, unseeded, no extra pairs, 10 worst
   */
  public static AuditConfig defaults() {
    return new AuditConfig(
        DEFAULT_PAIRS, DEFAULT_SAMPLES, DEFAULT_CONFIDENCE, OptionalLong.empty(), List.of(),
        DEFAULT_WORST);
  }

  /**
   * @param value pairs
   * @return a copy with {@code pairs = value}
   */
  public AuditConfig withPairs(int value) {
    return new AuditConfig(value, samples, confidence, seed, extraPairs, worst);
  }

  /**
   * @param value samples per word
   * @return a copy with {@code samples = value}
   */
  public AuditConfig withSamples(int value) {
    return new AuditConfig(pairs, value, confidence, seed, extraPairs, worst);
  }

  /**
   * @param value confidence
   * @return a copy with {@code confidence = value}
   */
  public AuditConfig withConfidence(double value) {
    return new AuditConfig(pairs, samples, value, seed, extraPairs, worst);
  }

  /**
   * @param value seed
   * @return a copy with a fixed seed
   */
  public AuditConfig withSeed(long value) {
    return new AuditConfig(pairs, samples, confidence, OptionalLong.of(value), extraPairs, worst);
  }

  /**
   * @param value pairs to add
   * @return a copy with these extra pairs
   */
  public AuditConfig withExtraPairs(List<AuditPair> value) {
    return new AuditConfig(pairs, samples, confidence, seed, value, worst);
  }

  /**
   * @param value how many pairs to list
   * @return a copy with {@code worst = value}
   */
  public AuditConfig withWorst(int value) {
    return new AuditConfig(pairs, samples, confidence, seed, extraPairs, value);
  }
}
