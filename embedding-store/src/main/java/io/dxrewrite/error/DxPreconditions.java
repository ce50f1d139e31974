package io.dxrewrite.error;

import java.util.Collection;

/**
 * The one place where parameters are checked. Every check fails fast with an {@link
 * InvalidParameterException} whose message names the parameter, the offending value and the
 * allowed range (style of Google's {@code DpPreconditions}).
 */
public final class DxPreconditions {
  private DxPreconditions() {}

  /**
   * Checks a privacy parameter epsilon (per word, in inverse units of embedding distance).
   *
   * @param epsilon the value to check
   * @return {@code epsilon}
   * @throws InvalidParameterException if epsilon is NaN, infinite or {@code <= 0}
   */
  public static double checkEpsilon(double epsilon) {
    if (!Double.isFinite(epsilon) || epsilon <= 0) {
      throw new InvalidParameterException(
          "epsilon must be a finite number > 0 (epsilon per word), got " + epsilon);
    }
    return epsilon;
  }

  /**
   * Checks that {@code value} lies in the closed interval {@code [min, max]}.
   *
   * @param name parameter name shown in the message
   * @param value the value to check
   * @param min smallest allowed value
   * @param max largest allowed value
   * @return {@code value}
   * @throws InvalidParameterException if value is NaN or outside {@code [min, max]}
   */
  public static double checkInRange(String name, double value, double min, double max) {
    if (Double.isNaN(value) || value < min || value > max) {
      throw new InvalidParameterException(
          name + " must be in [" + min + ", " + max + "], got " + value);
    }
    return value;
  }

  /**
   * Checks that an integer parameter is at least {@code min}.
   *
   * @param name parameter name shown in the message
   * @param value the value to check
   * @param min smallest allowed value
   * @return {@code value}
   * @throws InvalidParameterException if {@code value < min}
   */
  public static int checkAtLeast(String name, int value, int min) {
    if (value < min) {
      throw new InvalidParameterException(name + " must be >= " + min + ", got " + value);
    }
    return value;
  }

  /**
   * Checks that a name is one of the allowed names.
   *
   * @param name parameter name shown in the message
   * @param value the given value (a parameter value such as a mechanism name, never record text)
   * @param allowed the allowed values
   * @return {@code value}
   * @throws InvalidParameterException if value is not among {@code allowed}
   */
  public static String checkOneOf(String name, String value, Collection<String> allowed) {
    if (value == null || !allowed.contains(value)) {
      throw new InvalidParameterException(
          "unknown " + name + " '" + value + "'; allowed: " + String.join(", ", allowed));
    }
    return value;
  }

  /**
   * Checks a general condition on a parameter.
   *
   * @param condition must be true
   * @param message names the parameter, its value and the allowed range
   * @throws InvalidParameterException if {@code condition} is false
   */
  public static void checkArgument(boolean condition, String message) {
    if (!condition) {
      throw new InvalidParameterException(message);
    }
  }
}
