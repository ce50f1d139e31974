package io.dxrewrite.mechanism.spec;

import java.util.Objects;

/**
 * One mechanism as every front end describes it; its parameters are the {@link ParameterSpec}s
 * that apply to it ({@link MechanismCatalogue#parametersOf}).
 *
 * @param name the name on the command line and in requests (e.g. {@code cmp})
 * @param description what it does, with its source paper
 * @param metric the metric d of its guarantee {@code P[M(w)=y] <= exp(epsilon d(w,w')) P[M(w')=y]}
 * @param epsilonUnits the units of its epsilon and how the ledger charges it
 */
public record MechanismSpec(String name, String description, String metric, String epsilonUnits) {
  /** Checks that nothing is null. */
  public MechanismSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(metric, "metric");
    Objects.requireNonNull(epsilonUnits, "epsilonUnits");
  }
}
