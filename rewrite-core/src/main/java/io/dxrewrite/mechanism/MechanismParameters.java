package io.dxrewrite.mechanism;

import java.util.OptionalDouble;

/**
 * The mechanisms' own parameters; an empty value means the mechanism's default.
 *
 * @param lambda Mahalanobis regularisation in [0, 1] (mahalanobis default {@value
 *     MahalanobisMechanism#DEFAULT_LAMBDA}; vickrey default 0, i.e. CMP noise)
 * @param t Vickrey parameter in [0, 1] (default {@value VickreyMechanism#DEFAULT_T})
 */
public record MechanismParameters(OptionalDouble lambda, OptionalDouble t) {
  /** All defaults. */
  public static final MechanismParameters DEFAULTS =
      new MechanismParameters(OptionalDouble.empty(), OptionalDouble.empty());
}
