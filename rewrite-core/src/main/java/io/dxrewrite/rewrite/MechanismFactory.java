package io.dxrewrite.rewrite;

import io.dxrewrite.mechanism.Mechanism;
import io.dxrewrite.nn.NearestNeighbourIndex;

/** Creates the mechanism for one rewrite call. The default is {@code Mechanisms::create}. */
@FunctionalInterface
public interface MechanismFactory {
  /**
   * @param name mechanism name from the options
   * @param index the rewriter's exact index
   * @param epsilon epsilon per word
   * @return the mechanism
   * @throws io.dxrewrite.error.InvalidParameterException for an unknown name or bad parameter
   */
  Mechanism create(String name, NearestNeighbourIndex index, double epsilon);
}
