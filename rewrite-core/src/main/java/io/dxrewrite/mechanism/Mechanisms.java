package io.dxrewrite.mechanism;

import io.dxrewrite.error.DxPreconditions;
import io.dxrewrite.nn.NearestNeighbourIndex;
import java.util.List;

/** The registry of mechanisms by command-line name. */
public final class Mechanisms {
  private static final List<String> NAMES = List.of(MultivariateLaplaceMechanism.NAME);

  private Mechanisms() {}

  /**
   * @return the names of the available mechanisms
   */
  public static List<String> names() {
    return NAMES;
  }

  /**
   * Creates a mechanism.
   *
   * @param name one of {@link #names()}
   * @param index exact index over the output vocabulary
   * @param epsilon epsilon per word, finite and {@code > 0}
   * @return the mechanism
   * @throws io.dxrewrite.error.InvalidParameterException if the name is unknown or epsilon is out
   *     of range; the message lists the allowed values
   */
  public static Mechanism create(String name, NearestNeighbourIndex index, double epsilon) {
    DxPreconditions.checkOneOf("mechanism", name, NAMES);
    DxPreconditions.checkEpsilon(epsilon);
    return switch (name) {
      case MultivariateLaplaceMechanism.NAME -> new MultivariateLaplaceMechanism(index, epsilon);
      default -> throw new IllegalStateException("registered but not constructible: " + name);
    };
  }
}
