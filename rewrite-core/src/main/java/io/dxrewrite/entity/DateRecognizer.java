package io.dxrewrite.entity;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Calendar dates. Numeric: {@code YYYY-MM-DD} (ISO 8601, also with {@code /} or {@code .}), and
 * {@code A/B/YY} or {@code A/B/YYYY} with {@code /}, {@code -} or {@code .} (day-month or
 * month-day order), where the month is 1-12 and the day 1-31 in at least one reading. With an
 * English month name or its abbreviation (Jan, Feb, ..., Sept): {@code 5 May 2024}, {@code 5th
 * of May, 2024}, {@code May 5, 2024}, {@code May 5th}, {@code 5 May}. A month name alone ("in
 * May") is not a date: it identifies no day.
 */
public final class DateRecognizer implements Recognizer {
  /** Month names and abbreviations, public and fixed; also used by {@link Surrogates}. */
  static final String MONTH =
      "(?:January|February|March|April|May|June|July|August|September|October|November|December"
          + "|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\\.?";
  private static final String DAY = "(?:[12]\\d|3[01]|0?[1-9])(?:st|nd|rd|th)?";
  private static final Pattern ISO =
      Pattern.compile("(?<![\\w.\\-/])\\d{4}([-/.])\\d{1,2}\\1\\d{1,2}(?![\\w\\-/]|[.]\\d)");
  private static final Pattern NUMERIC =
      Pattern.compile(
          "(?<![\\w.\\-/])(\\d{1,2})([-/.])(\\d{1,2})\\2(?:\\d{4}|\\d{2})(?![\\w\\-/]|[.]\\d)");
  private static final Pattern DAY_MONTH =
      Pattern.compile(
          "(?<![\\w])" + DAY + "(?: of)? " + MONTH + "(?:,? \\d{4})?(?![\\w])");
  private static final Pattern MONTH_DAY =
      Pattern.compile("(?<![\\w])" + MONTH + " " + DAY + "(?:,? \\d{4})?(?![\\w])");

  /** The recognizer. */
  public DateRecognizer() {}

  @Override
  public EntityType type() {
    return EntityType.DATE;
  }

  @Override
  public List<EntitySpan> find(String text) {
    List<EntitySpan> spans = new ArrayList<>();
    if (!PatternRecognizer.hasDigit(text)) {
      return spans; // every form has a day or year in digits
    }
    Matcher m = ISO.matcher(text);
    while (m.find()) {
      String[] g = m.group().split("[-/.]");
      if (inRange(g[1], 1, 12) && inRange(g[2], 1, 31)) {
        spans.add(new EntitySpan(m.start(), m.end(), EntityType.DATE));
      }
    }
    m = NUMERIC.matcher(text);
    while (m.find()) {
      String a = m.group(1);
      String b = m.group(3);
      boolean monthDay = inRange(a, 1, 12) && inRange(b, 1, 31);
      boolean dayMonth = inRange(a, 1, 31) && inRange(b, 1, 12);
      if (monthDay || dayMonth) {
        spans.add(new EntitySpan(m.start(), m.end(), EntityType.DATE));
      }
    }
    for (Pattern p : new Pattern[] {DAY_MONTH, MONTH_DAY}) {
      m = p.matcher(text);
      while (m.find()) {
        spans.add(new EntitySpan(m.start(), m.end(), EntityType.DATE));
      }
    }
    return spans;
  }

  private static boolean inRange(String digits, int min, int max) {
    int v = Integer.parseInt(digits);
    return v >= min && v <= max;
  }
}
