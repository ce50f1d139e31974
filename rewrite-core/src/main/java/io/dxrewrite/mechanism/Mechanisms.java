package io.dxrewrite.mechanism;

import io.dxrewrite.error.DxPreconditions;
import io.dxrewrite.mechanism.spec.MechanismCatalogue;
import java.util.List;
import java.util.Optional;

/**
 * The registry of mechanisms by command-line name: constructs them with the defaults of {@link
 * MechanismCatalogue}, the one home of names, parameters, defaults and ranges.
 */
public final class Mechanisms {
  /** The Euclidean metric of CMP and TEM ({@link MechanismCatalogue#EUCLIDEAN_METRIC}). */
  public static final String EUCLIDEAN_METRIC = MechanismCatalogue.EUCLIDEAN_METRIC;

  /** The metric of the Mahalanobis mechanism ({@link MechanismCatalogue#MAHALANOBIS_METRIC}). */
  public static final String MAHALANOBIS_METRIC = MechanismCatalogue.MAHALANOBIS_METRIC;

  /** The metric of the Vickrey mechanism: its noise's. */
  public static final String VICKREY_METRIC = MechanismCatalogue.VICKREY_METRIC;

  /** Units of a Euclidean mechanism's epsilon. */
  public static final String EUCLIDEAN_UNITS = MechanismCatalogue.EUCLIDEAN_UNITS;

  /** Units of a Mahalanobis-metric epsilon. */
  public static final String MAHALANOBIS_UNITS = MechanismCatalogue.MAHALANOBIS_UNITS;

  private Mechanisms() {}

  /**
   * @return the names of the available mechanisms
   */
  public static List<String> names() {
    return MechanismCatalogue.names();
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
    return DxPreconditions.checkOneOf("mechanism", name, MechanismCatalogue.names());
  }

  /**
   * @param name a mechanism name
   * @return why the mechanism was withdrawn, with the names to use instead; empty unless {@code
   *     name} names a withdrawn mechanism
   */
  public static Optional<String> withdrawalReason(String name) {
    return name == null ? Optional.empty() : MechanismCatalogue.withdrawalMessage(name);
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
                  context, epsilon, lambda(name, parameters)));
      case VickreyMechanism.NAME ->
          new VickreyMechanism(
              context.store(),
              context.search(),
              mahalanobisNoise(context, epsilon, lambda(name, parameters)),
              MechanismCatalogue.valueOrDefault(MechanismCatalogue.T, name, parameters.t()));
      case TemMechanism.NAME ->
          new TemMechanism(
              context.store(),
              context.index(),
              epsilon,
              MechanismCatalogue.valueOrDefault(MechanismCatalogue.BETA, name, parameters.beta()),
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
    return MechanismCatalogue.mechanism(name).metric();
  }

  /**
   * @param name one of {@link #names()}
   * @return the units of epsilon and how the ledger charges it
   * @throws io.dxrewrite.error.InvalidParameterException if the name is unknown
   */
  public static String epsilonUnits(String name) {
    return MechanismCatalogue.mechanism(name).epsilonUnits();
  }

  private static double lambda(String name, MechanismParameters parameters) {
    return MechanismCatalogue.valueOrDefault(MechanismCatalogue.LAMBDA, name, parameters.lambda());
  }

  private static NoiseSampler mahalanobisNoise(
      MechanismContext context, double epsilon, double lambda) {
    MechanismCatalogue.LAMBDA.range().check(MechanismCatalogue.LAMBDA.name(), lambda);
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
