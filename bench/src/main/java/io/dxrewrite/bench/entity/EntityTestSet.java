package io.dxrewrite.bench.entity;

import io.dxrewrite.entity.Gazetteer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.zip.GZIPInputStream;

/**
 * A generated evaluation set for the entity layer: lines from fixed templates filled with
 * gazetteer names, faker city names and made-up structured identifiers. The templates and the
 * value generators here are independent of the recognizers' code and of their unit tests (written
 * apart, never used to tune a rule), so recall measured on this set is held out.
 */
final class EntityTestSet {
  /** One inserted value: its kind (as the evaluation names it) and its exact text. */
  record Value(String kind, String text) {}

  /** One line and the values it holds. */
  record Line(String text, List<Value> values) {}

  private static final String[] TEMPLATES = {
    "My name is {NAME} and I live in {CITY}, call me at {PHONE}.",
    "Please send the invoice to {EMAIL} before {DATE}.",
    "{NAME} paid with card {CARD} on {DATE} and asked for a receipt.",
    "Hi, this is {NAME} from {CITY}. My number is {PHONE} if the delivery is late.",
    "Transfer the refund to IBAN {IBAN}, account holder {NAME}.",
    "The order was placed by {NAME} ({EMAIL}) and shipped to {CITY}.",
    "I spoke to {FIRST} at the store in {CITY}, she said to call {PHONE}.",
    "Card number {CARD} was charged twice, please contact me at {EMAIL}.",
    "My social security number is {SSN} and my date of birth is {DATE}.",
    "The login came from {IP} at 10:30 on {DATE}.",
    "Dear {NAME}, your appointment is confirmed for {DATE}.",
    "Thanks to {FIRST} {LAST} and {FIRST2} {LAST2} for the quick help.",
    "Ask for Mr {LAST} at {PHONE} or write to {EMAIL}.",
    "Payment details: {IBAN} ({NAME}), due {DATE}.",
    "We met {NAME} in {CITY} last week and the battery was already dead.",
    "You can reach {FIRST} on {PHONE}; the card ending in the number {CARD} is hers.",
  };

  private static final String[] DOMAINS = {
    "example.com", "example.org", "mail.example.net", "corp.example", "post.test"
  };
  private static final String[] MONTHS = {
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December"
  };

  private final List<String> firstNames;
  private final List<String> surnames;
  private final List<String> cities;

  EntityTestSet(Gazetteer gazetteer) throws IOException {
    this.firstNames = plain(gazetteer.firstNames());
    this.surnames = plain(gazetteer.surnames());
    this.cities = readCities();
  }

  /** Name-like gazetteer entries (letters only, at least 3), capitalised. */
  private static List<String> plain(List<String> words) {
    List<String> out = new ArrayList<>();
    for (String w : words) {
      if (w.matches("\\p{Ll}{3,}")) {
        out.add(Character.toUpperCase(w.charAt(0)) + w.substring(1));
      }
    }
    return out;
  }

  private static List<String> readCities() throws IOException {
    try (InputStream raw = EntityTestSet.class.getResourceAsStream("cities.txt.gz")) {
      BufferedReader in = new BufferedReader(
          new InputStreamReader(new GZIPInputStream(raw), StandardCharsets.UTF_8));
      List<String> out = new ArrayList<>();
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (line.matches("\\p{Ll}{3,}")) {
          out.add(Character.toUpperCase(line.charAt(0)) + line.substring(1));
        }
      }
      return out;
    }
  }

  /**
   * @param n lines
   * @param seed generator seed
   * @return n lines, templates in turn
   */
  List<Line> generate(int n, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<Line> lines = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      String template = TEMPLATES[i % TEMPLATES.length];
      StringBuilder out = new StringBuilder();
      List<Value> values = new ArrayList<>();
      int at = 0;
      while (true) {
        int open = template.indexOf('{', at);
        if (open < 0) {
          out.append(template, at, template.length());
          break;
        }
        int close = template.indexOf('}', open);
        out.append(template, at, open);
        String slot = template.substring(open + 1, close);
        String value = value(slot, random);
        String kind = switch (slot) {
          case "NAME" -> "PERSON (first + last)";
          case "FIRST", "FIRST2" -> "PERSON (first name alone)";
          case "LAST", "LAST2" -> "PERSON (surname)";
          default -> slot;
        };
        values.add(new Value(kind, value));
        out.append(value);
        at = close + 1;
      }
      lines.add(new Line(out.toString(), values));
    }
    return lines;
  }

  private String value(String slot, SplittableRandom r) {
    return switch (slot) {
      case "NAME" -> pick(firstNames, r) + " " + pick(surnames, r);
      case "FIRST", "FIRST2" -> pick(firstNames, r);
      case "LAST", "LAST2" -> pick(surnames, r);
      case "CITY" -> pick(cities, r);
      case "PHONE" -> phone(r);
      case "EMAIL" -> email(r);
      case "CARD" -> card(r);
      case "IBAN" -> iban(r);
      case "DATE" -> date(r);
      case "SSN" -> String.format(Locale.ROOT, "%03d-%02d-%04d",
          1 + r.nextInt(665), 1 + r.nextInt(99), 1 + r.nextInt(9999));
      case "IP" -> r.nextInt(4) == 0 ? ipv6(r) : (1 + r.nextInt(223)) + "." + r.nextInt(256) + "."
          + r.nextInt(256) + "." + (1 + r.nextInt(254));
      default -> throw new IllegalArgumentException(slot);
    };
  }

  private static String pick(List<String> list, SplittableRandom r) {
    return list.get(r.nextInt(list.size()));
  }

  private static String digits(int n, SplittableRandom r) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < n; i++) {
      s.append((char) ('0' + r.nextInt(10)));
    }
    return s.toString();
  }

  private static String phone(SplittableRandom r) {
    String a = (2 + r.nextInt(8)) + digits(2, r);
    return switch (r.nextInt(8)) {
      case 0 -> "(" + a + ") " + digits(3, r) + "-" + digits(4, r);
      case 1 -> a + "-" + digits(3, r) + "-" + digits(4, r);
      case 2 -> "+1 " + a + " " + digits(3, r) + " " + digits(4, r);
      case 3 -> "+44 20 " + digits(4, r) + " " + digits(4, r);
      case 4 -> "020 " + digits(4, r) + " " + digits(4, r);
      case 5 -> "+49 30 " + digits(7, r);
      case 6 -> "06 " + digits(2, r) + " " + digits(2, r) + " " + digits(2, r) + " " + digits(2, r);
      default -> a + "." + digits(3, r) + "." + digits(4, r);
    };
  }

  private String email(SplittableRandom r) {
    String f = pick(firstNames, r).toLowerCase(Locale.ROOT);
    String l = pick(surnames, r).toLowerCase(Locale.ROOT);
    String local = switch (r.nextInt(3)) {
      case 0 -> f + "." + l;
      case 1 -> f.charAt(0) + l + r.nextInt(100);
      default -> f + "_" + l;
    };
    return local + "@" + DOMAINS[r.nextInt(DOMAINS.length)];
  }

  private static String card(SplittableRandom r) {
    boolean amex = r.nextInt(5) == 0;
    int length = amex ? 15 : 16;
    StringBuilder d = new StringBuilder(amex ? "37" : r.nextBoolean() ? "4" : "5");
    while (d.length() < length - 1) {
      d.append((char) ('0' + r.nextInt(10)));
    }
    // Luhn check digit, computed here independently of the recognizer's code
    int sum = 0;
    for (int i = d.length() - 1, k = 0; i >= 0; i--, k++) {
      int v = d.charAt(i) - '0';
      if (k % 2 == 0) {
        v *= 2;
        if (v > 9) {
          v -= 9;
        }
      }
      sum += v;
    }
    d.append((char) ('0' + (10 - sum % 10) % 10));
    String s = d.toString();
    int style = r.nextInt(3);
    if (style == 0) {
      return s;
    }
    String sep = style == 1 ? " " : "-";
    return amex
        ? s.substring(0, 4) + sep + s.substring(4, 10) + sep + s.substring(10)
        : s.substring(0, 4) + sep + s.substring(4, 8) + sep + s.substring(8, 12) + sep + s.substring(12);
  }

  private static String iban(SplittableRandom r) {
    String country;
    String bban;
    switch (r.nextInt(4)) {
      case 0 -> {
        country = "DE";
        bban = digits(18, r);
      }
      case 1 -> {
        country = "GB";
        bban = letters(4, r) + digits(14, r);
      }
      case 2 -> {
        country = "NL";
        bban = letters(4, r) + digits(10, r);
      }
      default -> {
        country = "FR";
        bban = digits(23, r);
      }
    }
    StringBuilder numeric = new StringBuilder();
    for (char c : (bban + country + "00").toCharArray()) {
      numeric.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
    }
    int check = 98 - new java.math.BigInteger(numeric.toString()).mod(java.math.BigInteger.valueOf(97)).intValue();
    String iban = country + String.format(Locale.ROOT, "%02d", check) + bban;
    if (r.nextBoolean()) {
      return iban;
    }
    StringBuilder spaced = new StringBuilder();
    for (int i = 0; i < iban.length(); i += 4) {
      if (i > 0) {
        spaced.append(' ');
      }
      spaced.append(iban, i, Math.min(iban.length(), i + 4));
    }
    return spaced.toString();
  }

  private static String letters(int n, SplittableRandom r) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < n; i++) {
      s.append((char) ('A' + r.nextInt(26)));
    }
    return s.toString();
  }

  private static String date(SplittableRandom r) {
    int y = 1940 + r.nextInt(90);
    int m = 1 + r.nextInt(12);
    int d = 1 + r.nextInt(28);
    return switch (r.nextInt(6)) {
      case 0 -> String.format(Locale.ROOT, "%04d-%02d-%02d", y, m, d);
      case 1 -> String.format(Locale.ROOT, "%02d/%02d/%04d", m, d, y);
      case 2 -> String.format(Locale.ROOT, "%02d.%02d.%04d", d, m, y);
      case 3 -> d + " " + MONTHS[m - 1] + " " + y;
      case 4 -> MONTHS[m - 1] + " " + d + ", " + y;
      default -> d + (d == 1 || d == 21 ? "st" : d == 2 || d == 22 ? "nd" : d == 3 || d == 23 ? "rd" : "th")
          + " of " + MONTHS[m - 1];
    };
  }

  private static String ipv6(SplittableRandom r) {
    StringBuilder s = new StringBuilder("2001:db8");
    for (int i = 0; i < 6; i++) {
      s.append(':').append(Integer.toHexString(r.nextInt(65536)));
    }
    return s.toString();
  }
}
