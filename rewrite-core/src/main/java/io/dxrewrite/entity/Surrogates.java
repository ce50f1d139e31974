package io.dxrewrite.entity;

import java.util.List;
import java.util.Locale;
import java.util.random.RandomGenerator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Surrogate values: for a recognized span, a value of the same kind drawn at random from a public
 * list or range, written in the original's <em>shape</em>. The draw reads the original only
 * through its shape, defined per kind below, so the surrogate is a function of (kind, shape,
 * randomness) and never of the value; the shape itself is released.
 *
 * <ul>
 *   <li>PERSON: shape = the number of space-separated words. Each word but the last is a first
 *       name, the last a surname (a single word: a name from the union of both lists), uniform
 *       over the built-in {@link Gazetteer}, written capitalised.
 *   <li>EMAIL: no shape; {@code first.surname@example.com|org|net} (RFC 2606 domains), names
 *       uniform over the gazetteer's names of ASCII letters a-z only.
 *   <li>URL: no shape; {@code https://www.example.com|org|net/} and 8 random lower-case letters.
 *   <li>IP_ADDRESS: shape = v4 or v6; four uniform octets, or eight uniform 16-bit groups.
 *   <li>CARD: shape = the layout of digits and separators; uniform digits with the first digit in
 *       {3, 4, 5, 6} (the public major-industry identifiers of card networks) and the last digit
 *       set so the number passes the Luhn check.
 *   <li>IBAN: shape = the layout of letters, digits and spaces after the country code; country
 *       {@code XX} replaced by one of a public list of two-letter codes, letters and digits
 *       uniform, check digits computed so the mod-97 check passes.
 *   <li>SSN: shape = the separator; area uniform in 001-899 except 666, group 01-99, serial
 *       0001-9999.
 *   <li>DATE: shape = the layout of digit groups, separators and month words; a year of four
 *       digits uniform in 1950-2030, two digits uniform in 00-99; a month uniform in 1-12 (a
 *       month word: a uniform month, full or abbreviated, as the original); a day uniform in
 *       1-28 (valid in every month, and in either day-month order); widths kept (a one-digit group
 *       gets 1-9).
 *   <li>PHONE, NUMBER and user-listed kinds other than PERSON: shape = the layout of digits,
 *       letters and other characters; every digit uniform (a leading digit 1-9 where the original
 *       has more than one digit), every letter a uniform letter of the same case, other characters
 *       kept.
 * </ul>
 *
 * Thread-safe (stateless); the caller passes the randomness.
 */
public final class Surrogates {
  private static final String[] DOMAINS = {"example.com", "example.org", "example.net"};
  private static final String[] IBAN_COUNTRIES = {"DE", "FR", "GB", "NL", "ES", "IT", "BE", "AT"};
  private static final String[] MONTHS = {
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December"
  };
  private static final Pattern MONTH_WORD = Pattern.compile("\\p{L}+\\.?");
  private static final Pattern DIGITS = Pattern.compile("\\d+");
  private final Gazetteer gazetteer;
  private final List<String> asciiFirstNames;
  private final List<String> asciiSurnames;

  /**
   * @param gazetteer the public name lists surrogate names are drawn from
   */
  public Surrogates(Gazetteer gazetteer) {
    this.gazetteer = java.util.Objects.requireNonNull(gazetteer, "gazetteer");
    this.asciiFirstNames = gazetteer.firstNames().stream().filter(w -> w.matches("[a-z]+")).toList();
    this.asciiSurnames = gazetteer.surnames().stream().filter(w -> w.matches("[a-z]+")).toList();
  }

  /**
   * @param type the span's kind
   * @param original the span's text; only its shape is read (see the class comment)
   * @param random the rewrite's randomness for this record
   * @return a surrogate of the same kind and shape
   */
  public String draw(EntityType type, String original, RandomGenerator random) {
    return switch (type) {
      case PERSON -> person(original, random);
      case EMAIL -> pick(asciiFirstNames, random) + "." + pick(asciiSurnames, random) + "@"
          + DOMAINS[random.nextInt(DOMAINS.length)];
      case URL -> "https://www." + DOMAINS[random.nextInt(DOMAINS.length)] + "/" + letters(8, random);
      case IP_ADDRESS -> original.indexOf(':') >= 0 ? ipv6(random) : ipv4(random);
      case CARD -> card(original, random);
      case IBAN -> iban(original, random);
      case SSN -> ssn(original, random);
      case DATE -> date(original, random);
      default -> layout(original, random);
    };
  }

  private String person(String original, RandomGenerator random) {
    String[] words = original.trim().split("\\s+");
    if (words.length == 1) {
      int f = gazetteer.firstNames().size();
      int i = random.nextInt(f + gazetteer.surnames().size());
      return capitalise(i < f ? gazetteer.firstNames().get(i) : gazetteer.surnames().get(i - f));
    }
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < words.length; i++) {
      if (i > 0) {
        out.append(' ');
      }
      List<String> list = i + 1 < words.length ? gazetteer.firstNames() : gazetteer.surnames();
      out.append(capitalise(pick(list, random)));
    }
    return out.toString();
  }

  private static String card(String original, RandomGenerator random) {
    int n = PatternRecognizer.digits(original);
    StringBuilder digits = new StringBuilder(n);
    digits.append((char) ('3' + random.nextInt(4)));
    for (int i = 1; i < n - 1; i++) {
      digits.append((char) ('0' + random.nextInt(10)));
    }
    int check = (10 - PaymentCardRecognizer.luhnSum(digits.toString(), true) % 10) % 10;
    digits.append((char) ('0' + check));
    return fillDigits(original, digits.toString());
  }

  private static String iban(String original, RandomGenerator random) {
    String country = IBAN_COUNTRIES[random.nextInt(IBAN_COUNTRIES.length)];
    StringBuilder bban = new StringBuilder();
    StringBuilder layout = new StringBuilder();
    for (int i = 4; i < original.length(); i++) {
      char c = original.charAt(i);
      if (Character.isDigit(c)) {
        char d = (char) ('0' + random.nextInt(10));
        bban.append(d);
        layout.append(d);
      } else if (Character.isLetter(c)) {
        char l = (char) ('A' + random.nextInt(26));
        bban.append(l);
        layout.append(l);
      } else {
        layout.append(c);
      }
    }
    int check = 98 - IbanRecognizer.mod97(bban + country + "00");
    return country + String.format(Locale.ROOT, "%02d", check) + layout;
  }

  private static String ssn(String original, RandomGenerator random) {
    char sep = original.charAt(3);
    int area;
    do {
      area = 1 + random.nextInt(899);
    } while (area == 666);
    return String.format(
        Locale.ROOT, "%03d%c%02d%c%04d", area, sep, 1 + random.nextInt(99), sep, 1 + random.nextInt(9999));
  }

  private static String date(String original, RandomGenerator random) {
    // numeric groups in order: the year is a 4-digit group, or the third group
    Matcher digits = DIGITS.matcher(original);
    List<int[]> groups = new java.util.ArrayList<>();
    while (digits.find()) {
      groups.add(new int[] {digits.start(), digits.end()});
    }
    boolean hasMonthWord = original.matches("(?s).*\\p{L}{3,}.*");
    StringBuilder out = new StringBuilder(original);
    for (int g = groups.size() - 1; g >= 0; g--) {
      int[] range = groups.get(g);
      int width = range[1] - range[0];
      String suffix = "";
      int value;
      if (width == 4) {
        value = 1950 + random.nextInt(81);
      } else if (!hasMonthWord && groups.size() == 3 && g == 2 && !isYearFirst(groups)) {
        value = random.nextInt(100);
      } else if (!hasMonthWord && g == (isYearFirst(groups) ? 1 : 0)) {
        value = width == 1 ? 1 + random.nextInt(9) : 1 + random.nextInt(12);
      } else {
        value = width == 1 ? 1 + random.nextInt(9) : 1 + random.nextInt(28);
        int after = range[1];
        if (after + 2 <= original.length() && original.substring(after, after + 2).matches("st|nd|rd|th")) {
          suffix = ordinal(value);
          range = new int[] {range[0], after + 2};
        }
      }
      String text = width == 1 ? Integer.toString(value) : String.format(Locale.ROOT, "%0" + width + "d", value);
      out.replace(range[0], range[1], text + suffix);
    }
    if (hasMonthWord) {
      Matcher word = MONTH_WORD.matcher(out);
      StringBuilder done = new StringBuilder();
      int last = 0;
      while (word.find()) {
        String w = word.group();
        String replacement = w;
        if (w.length() >= 3 && !w.matches("st|nd|rd|th|of")) {
          String month = MONTHS[random.nextInt(12)];
          boolean abbreviated = w.replace(".", "").length() <= 4 && !w.equals("June") && !w.equals("July");
          replacement = abbreviated ? month.substring(0, 3) + (w.endsWith(".") ? "." : "") : month;
        }
        done.append(out, last, word.start()).append(replacement);
        last = word.end();
      }
      done.append(out, last, out.length());
      return done.toString();
    }
    return out.toString();
  }

  private static boolean isYearFirst(List<int[]> groups) {
    return !groups.isEmpty() && groups.get(0)[1] - groups.get(0)[0] == 4;
  }

  private static String ordinal(int day) {
    if (day >= 11 && day <= 13) {
      return "th";
    }
    return switch (day % 10) {
      case 1 -> "st";
      case 2 -> "nd";
      case 3 -> "rd";
      default -> "th";
    };
  }

  private static String layout(String original, RandomGenerator random) {
    StringBuilder out = new StringBuilder(original.length());
    for (int i = 0; i < original.length(); i++) {
      char c = original.charAt(i);
      if (c >= '0' && c <= '9') {
        boolean leading = (i == 0 || !Character.isDigit(original.charAt(i - 1)))
            && i + 1 < original.length() && Character.isDigit(original.charAt(i + 1))
            && (i == 0 || original.charAt(i - 1) != '.' && original.charAt(i - 1) != ',');
        out.append((char) (leading ? '1' + random.nextInt(9) : '0' + random.nextInt(10)));
      } else if (c >= 'a' && c <= 'z') {
        out.append((char) ('a' + random.nextInt(26)));
      } else if (c >= 'A' && c <= 'Z') {
        out.append((char) ('A' + random.nextInt(26)));
      } else if (Character.isLetterOrDigit(c)) {
        out.append(Character.isUpperCase(c) ? (char) ('A' + random.nextInt(26)) : (char) ('a' + random.nextInt(26)));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static String fillDigits(String layout, String digits) {
    StringBuilder out = new StringBuilder(layout.length());
    int d = 0;
    for (int i = 0; i < layout.length(); i++) {
      char c = layout.charAt(i);
      out.append(c >= '0' && c <= '9' ? digits.charAt(d++) : c);
    }
    return out.toString();
  }

  private static String ipv4(RandomGenerator random) {
    return random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(256) + "."
        + random.nextInt(256);
  }

  private static String ipv6(RandomGenerator random) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      if (i > 0) {
        out.append(':');
      }
      out.append(Integer.toHexString(random.nextInt(65536)));
    }
    return out.toString();
  }

  private static String letters(int n, RandomGenerator random) {
    StringBuilder out = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      out.append((char) ('a' + random.nextInt(26)));
    }
    return out.toString();
  }

  private static String pick(List<String> list, RandomGenerator random) {
    return list.get(random.nextInt(list.size()));
  }

  private static String capitalise(String lower) {
    if (lower.isEmpty()) {
      return lower;
    }
    StringBuilder out = new StringBuilder(lower.length());
    boolean start = true;
    for (int i = 0; i < lower.length(); ) {
      int cp = lower.codePointAt(i);
      out.appendCodePoint(start ? Character.toTitleCase(cp) : cp);
      start = cp == '-' || cp == ' ';
      i += Character.charCount(cp);
    }
    return out.toString();
  }
}
