package io.dxrewrite.mechanism;

import io.dxrewrite.error.DxPreconditions;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The registry of mechanisms by command-line name. */
public final class Mechanisms {
  private static final List<String> NAMES =
      List.of(
          MultivariateLaplaceMechanism.NAME,
          MahalanobisMechanism.NAME,
          VickreyMechanism.NAME,
          TemMechanism.NAME);

  /**
   * Mechanisms that were shipped once and withdrawn because their privacy claim does not hold,
   * with the reason given to anyone who asks for them by name.
   */
  private static final Map<String, String> WITHDRAWN =
      Map.of(
          "truncated-gumbel",
          "mechanism 'truncated-gumbel' was withdrawn: its candidate step (the input word and its k"
              + " nearest others, k ~ Poisson) is not metric-DP, because a word's neighbour rank is"
              + " not bounded by distance, so it does not deliver the epsilon it claims (found by"
              + " dx-rewrite audit; see the README). Use one of: "
              + String.join(", ", NAMES));

  /** The Euclidean metric of CMP and TEM. */
  public static final String EUCLIDEAN_METRIC = "Euclidean ||phi(w) - phi(w')||";

  /** The metric of the Mahalanobis mechanism. */
  public static final String MAHALANOBIS_METRIC =
      "regularised Mahalanobis ||A^-1 (phi(w) - phi(w'))||, A = (lambda Sigma + (1 - lambda) I)^(1/2)";

  /** The metric of the Vickrey mechanism: its noise's. */
  public static final String VICKREY_METRIC =
      "that of its noise: Euclidean for lambda = 0, regularised Mahalanobis for lambda > 0";

  /** Units of a Euclidean mechanism's epsilon. */
  public static final String EUCLIDEAN_UNITS =
      "per word, in inverse units of embedding (Euclidean) distance; charged as is";

  /** Units of a Mahalanobis-metric epsilon. */
  public static final String MAHALANOBIS_UNITS =
      "per word, in inverse units of the Mahalanobis metric; charged as the Euclidean-equivalent"
          + " epsilon / sqrt(lambda_min(lambda Sigma + (1 - lambda) I)) (euclidean_epsilon_per_word)";

  private Mechanisms() {}

  /**
   * @return the names of the available mechanisms
   */
  public static List<String> names() {
    return NAMES;
  }

  /**
   * Checks a mechanism name, telling a withdrawn mechanism apart from an unknown one.
   *
   * @param name a mechanism name as typed by a user (command line, request)
   * @return {@code name}
   * @throws io.dxrewrite.error.InvalidParameterException if the name is withdrawn (the message
   *     says why) or unknown (the message lists the allowed names)
   */
  public static String checkName(String name) {
    Optional<String> reason = withdrawalReason(name);
    if (reason.isPresent()) {
      throw new io.dxrewrite.error.InvalidParameterException(reason.get());
    }
    return DxPreconditions.checkOneOf("mechanism", name, NAMES);
  }

  /**
   * @param name a mechanism name
   * @return why the mechanism was withdrawn, with the names to use instead; empty unless {@code
   *     name} names a withdrawn mechanism
   */
  public static Optional<String> withdrawalReason(String name) {
    return Optional.ofNullable(name == null ? null : WITHDRAWN.get(name));
  }

  /**
   * Creates a mechanism. Parameters that do not apply to the mechanism are ignored.
   *
   * @param name one of {@link #names()}
   * @param context store, index and lazily loaded density data
   * @param epsilon epsilon per word, finite and {@code > 0}
   * @param parameters the mechanism's own parameters (lambda, t, beta)
   * @return the mechanism
   * @throws io.dxrewrite.error.InvalidParameterException if the name is unknown or withdrawn (see
   *     {@link #checkName}) or a parameter is out of range; the message lists the allowed values
   */
  public static Mechanism create(
      String name, MechanismContext context, double epsilon, MechanismParameters parameters) {
    checkName(name);
    DxPreconditions.checkEpsilon(epsilon);
    return switch (name) {
      case MultivariateLaplaceMechanism.NAME ->
          new MultivariateLaplaceMechanism(context.search(), context.store().dimension(), epsilon);
      case MahalanobisMechanism.NAME ->
          new MahalanobisMechanism(
              context.search(),
              mahalanobisNoise(
                  context, epsilon, parameters.lambda().orElse(MahalanobisMechanism.DEFAULT_LAMBDA)));
      case VickreyMechanism.NAME ->
          new VickreyMechanism(
              context.store(),
              context.search(),
              mahalanobisNoise(context, epsilon, parameters.lambda().orElse(0)),
              parameters.t().orElse(VickreyMechanism.DEFAULT_T));
      case TemMechanism.NAME ->
          new TemMechanism(
              context.store(),
              context.index(),
              epsilon,
              parameters.beta().orElse(TemMechanism.DEFAULT_BETA),
              context.allowedOutputs(),
              context.temReuse(),
              context.temSamplers());
      default -> throw new IllegalStateException("registered but not constructible: " + name);
    };
  }

  /**
   * The metric in which a mechanism's epsilon parameter is stated: its guarantee is {@code
   * P[M(w)=y] <= exp(epsilon d(w,w')) P[M(w')=y]} for this d. The one home of this fact for the
   * README, {@code rewrite --help} and {@code GET /v1/mechanisms}.
   *
   * @param name one of {@link #names()}
   * @return a short description of d
   * @throws io.dxrewrite.error.InvalidParameterException if the name is unknown
   */
  public static String metric(String name) {
    DxPreconditions.checkOneOf("mechanism", name, NAMES);
    return switch (name) {
      case MahalanobisMechanism.NAME -> MAHALANOBIS_METRIC;
      case VickreyMechanism.NAME -> VICKREY_METRIC;
      default -> EUCLIDEAN_METRIC;
    };
  }

  /**
   * @param name one of {@link #names()}
   * @return the units of epsilon and how the ledger charges it
   * @throws io.dxrewrite.error.InvalidParameterException if the name is unknown
   */
  public static String epsilonUnits(String name) {
    DxPreconditions.checkOneOf("mechanism", name, NAMES);
    return switch (name) {
      case MahalanobisMechanism.NAME, VickreyMechanism.NAME -> MAHALANOBIS_UNITS;
      default -> EUCLIDEAN_UNITS;
    };
  }

  private static NoiseSampler mahalanobisNoise(
      MechanismContext context, double epsilon, double lambda) {
    DxPreconditions.checkInRange("lambda", lambda, 0, 1);
    if (lambda == 0) {
      return new MultivariateLaplaceNoise(context.store().dimension(), epsilon);
    }
    return new MahalanobisNoise(
        context.store().dimension(),
        epsilon,
        lambda,
        context.mahalanobisTransform(lambda),
        context.mahalanobisMinEigenvalue(lambda));
  }
}
