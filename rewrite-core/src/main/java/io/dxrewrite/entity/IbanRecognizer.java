package io.dxrewrite.entity;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * International bank account numbers (ISO 13616): two capital letters (country), two check
 * digits, then 11 to 30 capital letters or digits, optionally in groups separated by single
 * spaces, 15 to 34 characters in all, accepted when the ISO 7064 mod-97-10 check gives 1. When a
 * following capitalised word was swallowed by the grouping, trailing groups are dropped until the
 * check passes.
 */
public final class IbanRecognizer implements Recognizer {
  private static final Pattern IBAN =
      Pattern.compile("(?<![\\w])[A-Z]{2}\\d{2}(?: ?[A-Z0-9]){11,40}(?![\\w])");
  private static final BigInteger NINETY_SEVEN = BigInteger.valueOf(97);

  /** The recognizer. */
  public IbanRecognizer() {}

  @Override
  public EntityType type() {
    return EntityType.IBAN;
  }

  @Override
  public List<EntitySpan> find(String text) {
    List<EntitySpan> spans = new ArrayList<>();
    if (!PatternRecognizer.hasDigit(text)) {
      return spans;
    }
    Matcher m = IBAN.matcher(text);
    while (m.find()) {
      String s = m.group();
      int end = s.length();
      while (end > 0) {
        if (valid(s.substring(0, end))) {
          spans.add(new EntitySpan(m.start(), m.start() + end, EntityType.IBAN));
          break;
        }
        int space = s.lastIndexOf(' ', end - 1);
        end = space;
      }
    }
    return spans;
  }

  /**
   * @param iban an IBAN, possibly with spaces
   * @return whether it has 15-34 characters and passes the mod-97 check (ISO 7064)
   */
  public static boolean valid(String iban) {
    String s = iban.replace(" ", "");
    if (s.length() < 15 || s.length() > 34) {
      return false;
    }
    return mod97(s.substring(4) + s.substring(0, 4)) == 1;
  }

  /**
   * @param rearranged BBAN followed by country and check digits, capitals and digits only
   * @return the number with letters as 10..35, modulo 97
   */
  static int mod97(String rearranged) {
    StringBuilder digits = new StringBuilder(rearranged.length() * 2);
    for (int i = 0; i < rearranged.length(); i++) {
      char c = rearranged.charAt(i);
      digits.append(Character.isDigit(c) ? String.valueOf(c - '0') : String.valueOf(c - 'A' + 10));
    }
    return new BigInteger(digits.toString()).mod(NINETY_SEVEN).intValue();
  }
}
