package io.dxrewrite.mechanism.spec;

import io.dxrewrite.error.DxPreconditions;
import io.dxrewrite.error.InvalidParameterException;

/**
 * The allowed values of a numeric mechanism parameter: an interval whose ends are each closed
 * (the end is allowed) or open (it is not). The one home of a parameter's range for the CLI, the
 * API, {@code GET /v1/mechanisms}, {@code openapi.yaml} and the README.
 *
 * @param lower the lower end
 * @param lowerClosed whether {@code lower} itself is allowed
 * @param upper the upper end ({@link Double#MAX_VALUE} for "any finite number")
 * @param upperClosed whether {@code upper} itself is allowed
 */
public record Range(double lower, boolean lowerClosed, double upper, boolean upperClosed) {

  /**
   * @throws IllegalArgumentException if an end is not finite or {@code lower > upper}
   */
  public Range {
    if (!Double.isFinite(lower) || !Double.isFinite(upper) || lower > upper) {
      throw new IllegalArgumentException("not an interval: " + lower + ", " + upper);
    }
  }

  /**
   * @param lower lower end, allowed
   * @param upper upper end, allowed
   * @return {@code [lower, upper]}
   */
  public static Range closed(double lower, double upper) {
    return new Range(lower, true, upper, true);
  }

  /**
   * @param lower lower end, not allowed
   * @param upper upper end, not allowed
   * @return {@code (lower, upper)}
   */
  public static Range open(double lower, double upper) {
    return new Range(lower, false, upper, false);
  }

  /**
   * @param value a value
   * @return whether it lies in the interval (NaN never does)
   */
  public boolean contains(double value) {
    return (lowerClosed ? value >= lower : value > lower)
        && (upperClosed ? value <= upper : value < upper);
  }

  /**
   * Checks a value, with the message the front ends have always given: {@code "lambda must be in
   * [0.0, 1.0], got 2.0"} for a closed interval ({@link DxPreconditions#checkInRange}), {@code
   * "beta must be in (0, 1) (exclusive), got 1.0"} otherwise.
   *
   * @param name the parameter's name as the caller typed it
   * @param value the value
   * @return {@code value}
   * @throws InvalidParameterException if the value is outside the interval (the message names the
   *     parameter and the interval, never any input text)
   */
  public double check(String name, double value) {
    if (lowerClosed && upperClosed) {
      return DxPreconditions.checkInRange(name, value, lower, upper);
    }
    if (!contains(value)) {
      throw new InvalidParameterException(
          name + " must be in " + describe() + (lowerClosed || upperClosed ? "" : " (exclusive)")
              + ", got " + value);
    }
    return value;
  }

  /**
   * @return the interval in mathematical notation, e.g. {@code [0, 1]}, {@code (0, 1)}, {@code
   *     [1e-6, max]} ({@code max} for {@link Double#MAX_VALUE}: any finite number)
   */
  public String describe() {
    return (lowerClosed ? "[" : "(") + format(lower) + ", " + format(upper) + (upperClosed ? "]" : ")");
  }

  /**
   * @param value an end of an interval
   * @return {@code 0}, {@code 1}, {@code 1e-6}, {@code 0.5}, or {@code max} for {@link
   *     Double#MAX_VALUE}
   */
  static String format(double value) {
    if (value == Double.MAX_VALUE) {
      return "max";
    }
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return Long.toString((long) value);
    }
    String plain = Double.toString(value);
    return plain.contains("E") ? plain.replace("E", "e").replace(".0e", "e") : plain;
  }
}
