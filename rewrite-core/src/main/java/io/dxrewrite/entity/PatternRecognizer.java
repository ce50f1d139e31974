package io.dxrewrite.entity;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A recognizer made of one regular expression and a check on each match (a checksum, a range).
 * Subclasses give the pattern and, optionally, {@link #accept(String)} and {@link #trim(String)}.
 */
abstract class PatternRecognizer implements Recognizer {
  private final EntityType type;
  private final Pattern pattern;

  PatternRecognizer(EntityType type, Pattern pattern) {
    this.type = type;
    this.pattern = pattern;
  }

  @Override
  public final EntityType type() {
    return type;
  }

  @Override
  public final List<EntitySpan> find(String text) {
    List<EntitySpan> spans = new ArrayList<>();
    if (!mayContain(text)) {
      return spans;
    }
    Matcher m = pattern.matcher(text);
    while (m.find()) {
      String match = m.group();
      int length = trim(match);
      if (length > 0 && accept(match.substring(0, length))) {
        spans.add(new EntitySpan(m.start(), m.start() + length, type));
      }
    }
    return spans;
  }

  /**
   * A cheap necessary condition checked before the pattern runs (most records hold no
   * identifier); default: the text has an ASCII digit.
   *
   * @param text raw text of one record
   * @return false only if no match is possible
   */
  boolean mayContain(String text) {
    return hasDigit(text);
  }

  /**
   * @param text any text
   * @return whether it holds an ASCII digit
   */
  static boolean hasDigit(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9') {
        return true;
      }
    }
    return false;
  }

  /**
   * @param match the matched characters
   * @return how many leading characters of the match to keep (default all)
   */
  int trim(String match) {
    return match.length();
  }

  /**
   * @param match the (trimmed) matched characters
   * @return whether they are an identifier of this kind (default true)
   */
  boolean accept(String match) {
    return true;
  }

  /**
   * @param s any text
   * @return the number of ASCII digits in it
   */
  static int digits(String s) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9') {
        n++;
      }
    }
    return n;
  }
}
