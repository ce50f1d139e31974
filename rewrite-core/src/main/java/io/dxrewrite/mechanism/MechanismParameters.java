package io.dxrewrite.mechanism;

import java.util.OptionalDouble;

/**
 * The mechanisms' own parameters; an empty value means the mechanism's default. Their ranges,
 * defaults and which mechanism each applies to are in {@link
 * io.dxrewrite.mechanism.spec.MechanismCatalogue}.
 *
 * @param lambda Mahalanobis regularisation in [0, 1] (mahalanobis default {@value
 *     MahalanobisMechanism#DEFAULT_LAMBDA}; vickrey default {@value
 *     VickreyMechanism#DEFAULT_LAMBDA}, i.e. CMP noise)
 * @param t Vickrey parameter in [0, 1] (default {@value VickreyMechanism#DEFAULT_T})
 * @param beta TEM parameter in (0, 1) (default {@value TemMechanism#DEFAULT_BETA})
 */
public record MechanismParameters(OptionalDouble lambda, OptionalDouble t, OptionalDouble beta) {
  /** All defaults. */
  public static final MechanismParameters DEFAULTS =
      new MechanismParameters(OptionalDouble.empty(), OptionalDouble.empty());

  /**
   * Parameters without beta (its default).
   *
   * @param lambda Mahalanobis regularisation, or empty
   * @param t Vickrey parameter, or empty
   */
  public MechanismParameters(OptionalDouble lambda, OptionalDouble t) {
    this(lambda, t, OptionalDouble.empty());
  }
}
