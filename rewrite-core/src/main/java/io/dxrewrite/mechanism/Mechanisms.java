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
          VickreyMechanism.NAME);

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
   * @param parameters the mechanism's own parameters (lambda, t)
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
      default -> throw new IllegalStateException("registered but not constructible: " + name);
    };
  }

  private static NoiseSampler mahalanobisNoise(
      MechanismContext context, double epsilon, double lambda) {
    DxPreconditions.checkInRange("lambda", lambda, 0, 1);
    if (lambda == 0) {
      return new MultivariateLaplaceNoise(context.store().dimension(), epsilon);
    }
    return new MahalanobisNoise(
        context.store().dimension(), epsilon, lambda, context.mahalanobisTransform(lambda));
  }
}
