package io.dxrewrite.mechanism;

import io.dxrewrite.error.DxPreconditions;
import java.util.List;

/** The registry of mechanisms by command-line name. */
public final class Mechanisms {
  private static final List<String> NAMES =
      List.of(
          MultivariateLaplaceMechanism.NAME,
          MahalanobisMechanism.NAME,
          VickreyMechanism.NAME,
          TruncatedGumbelMechanism.NAME,
          TemMechanism.NAME);

  private Mechanisms() {}

  /**
   * @return the names of the available mechanisms
   */
  public static List<String> names() {
    return NAMES;
  }

  /**
   * Creates a mechanism. Parameters that do not apply to the mechanism are ignored.
   *
   * @param name one of {@link #names()}
   * @param context store, index and lazily loaded density data
   * @param epsilon epsilon per word, finite and {@code > 0}
   * @param parameters the mechanism's own parameters (lambda, t, beta)
   * @return the mechanism
   * @throws io.dxrewrite.error.InvalidParameterException if the name is unknown or a parameter is
   *     out of range; the message lists the allowed values
   */
  public static Mechanism create(
      String name, MechanismContext context, double epsilon, MechanismParameters parameters) {
    DxPreconditions.checkOneOf("mechanism", name, NAMES);
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
      case TruncatedGumbelMechanism.NAME ->
          new TruncatedGumbelMechanism(context.store(), context.index(), context.table(), epsilon);
      case TemMechanism.NAME ->
          new TemMechanism(
              context.store(),
              context.index(),
              epsilon,
              parameters.beta().orElse(TemMechanism.DEFAULT_BETA),
              null,
              context.temReuse(),
              context.temSamplers());
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
