package io.dxrewrite.entity;

import java.util.regex.Pattern;

/**
 * Telephone numbers, international (E.164 with a {@code +} and a 1-3 digit country code) and
 * national formats: an optional {@code +CC}, an optional area code in parentheses ({@code (555)},
 * {@code (0)}), then groups of 2-8 digits separated by single spaces, dots or hyphens. Accepted
 * when it has 7 to 15 digits (E.164's maximum) and either starts with {@code +}, has an area
 * code in parentheses, or has at least two digit groups ({@code 555-123-4567}, {@code 020 7946
 * 0958}, {@code 07700 900123}). A single unseparated run of digits is left to {@link
 * NumberRecognizer}.
 */
public final class PhoneRecognizer extends PatternRecognizer {
  private static final Pattern PHONE =
      Pattern.compile(
          "(?<![\\w+.-])(?:\\+\\d{1,3}[ .-]?)?(?:\\(\\d{1,5}\\)[ .-]?)?\\d{2,8}(?:[ .-]\\d{2,8}){0,5}"
              + "(?![\\w-]|[.]\\d)");

  /** The recognizer. */
  public PhoneRecognizer() {
    super(EntityType.PHONE, PHONE);
  }

  @Override
  boolean accept(String match) {
    int digits = digits(match);
    if (digits < 7 || digits > 15) {
      return false;
    }
    return match.startsWith("+") || match.contains("(") || match.matches(".*\\d[ .-]\\d.*");
  }
}
