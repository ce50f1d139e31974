package io.dxrewrite.entity;

import java.util.regex.Pattern;

/**
 * Payment card numbers (ISO/IEC 7812): 13 to 19 digits, optionally grouped by single spaces or
 * hyphens, that pass the Luhn check (ISO/IEC 7812-1 annex B).
 */
public final class PaymentCardRecognizer extends PatternRecognizer {
  private static final Pattern CARD = Pattern.compile("(?<![\\w.-])\\d(?:[ -]?\\d){12,18}(?![\\w-])");

  /** The recognizer. */
  public PaymentCardRecognizer() {
    super(EntityType.CARD, CARD);
  }

  @Override
  boolean accept(String match) {
    return luhnValid(match.replaceAll("[^0-9]", ""));
  }

  /**
   * The Luhn check: doubling every second digit from the right, the digit sum is divisible by 10.
   *
   * @param digits ASCII digits only
   * @return whether the number passes
   */
  public static boolean luhnValid(String digits) {
    return luhnSum(digits, false) % 10 == 0;
  }

  /**
   * @param digits ASCII digits
   * @param checkDigitMissing true when {@code digits} lacks its final check digit (so the
   *     rightmost given digit is doubled)
   * @return the Luhn digit sum
   */
  static int luhnSum(String digits, boolean checkDigitMissing) {
    int sum = 0;
    boolean dbl = checkDigitMissing;
    for (int i = digits.length() - 1; i >= 0; i--) {
      int d = digits.charAt(i) - '0';
      if (dbl) {
        d *= 2;
        if (d > 9) {
          d -= 9;
        }
      }
      sum += d;
      dbl = !dbl;
    }
    return sum;
  }
}
