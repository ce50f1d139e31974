package io.dxrewrite.rewrite;

import io.dxrewrite.mechanism.Mechanism;
import io.dxrewrite.mechanism.MechanismContext;
import io.dxrewrite.mechanism.MechanismParameters;

/** Creates the mechanism for one rewrite call. The default is {@code Mechanisms::create}. */
@FunctionalInterface
public interface MechanismFactory {
  /**
   * @param name mechanism name from the options
   * @param context the rewriter's store, index and density data
   * @param epsilon epsilon per word
   * @param parameters the mechanism's own parameters
   * @return the mechanism
   * @throws io.dxrewrite.error.InvalidParameterException for an unknown name or bad parameter
   */
  Mechanism create(
      String name, MechanismContext context, double epsilon, MechanismParameters parameters);
}
