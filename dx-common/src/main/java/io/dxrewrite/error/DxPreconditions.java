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
   * @throws InvalidParameterException if epsilon is NaN, infinite or below {@link #MIN_EPSILON}
   */
  public static double checkEpsilon(double epsilon) {
    if (!Double.isFinite(epsilon) || epsilon <= 0) {
      throw new InvalidParameterException(
          "epsilon must be a finite number > 0 (epsilon per word), got " + epsilon);
    }
    if (epsilon < MIN_EPSILON) {
      throw new InvalidParameterException(
          "epsilon must be at least "
              + java.math.BigDecimal.valueOf(MIN_EPSILON).stripTrailingZeros().toPlainString()
              + " (epsilon per word), got " + epsilon + ": below it the"
              + " noise (mean radius d/epsilon) is so large that the input word no longer changes"
              + " the output in float32 arithmetic, and far below it the noise overflows");
    }
    return epsilon;
  }

  /**
   * The smallest epsilon accepted, per word. At 1e-6 the noise radius (Gamma(d, 1/epsilon), mean
   * d/epsilon, 10^8 for d = 100) is already about 2^24 times a GloVe vector's norm, so the
   * perturbed point's float32 coordinates no longer depend on the input word; around 1e-16 the
   * float32 distances overflow and every word became the vocabulary's first word.
   */
  public static final double MIN_EPSILON = 1e-6;

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
