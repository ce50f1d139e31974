package io.dxrewrite.entity;

import java.util.regex.Pattern;

/**
 * URLs: {@code http://}, {@code https://} or {@code ftp://} (any case), or {@code www.}, followed
 * by characters other than white space, {@code < > "}; trailing sentence punctuation {@code . , ;
 * : ! ? ' ) ] }} is left out of the span (RFC 3986 allows it, prose ends with it far more often).
 */
public final class UrlRecognizer extends PatternRecognizer {
  private static final Pattern URL =
      Pattern.compile("(?i)(?<![\\w.])(?:(?:https?|ftp)://|www\\.)[^\\s<>\"]+");

  /** The recognizer. */
  public UrlRecognizer() {
    super(EntityType.URL, URL);
  }

  @Override
  boolean mayContain(String text) {
    if (text.indexOf("://") >= 0) {
      return true;
    }
    for (int i = text.indexOf('.'); i >= 3; i = text.indexOf('.', i + 1)) {
      if (text.regionMatches(true, i - 3, "www", 0, 3)) {
        return true;
      }
    }
    return false;
  }

  @Override
  int trim(String match) {
    int end = match.length();
    while (end > 0 && ".,;:!?')]}".indexOf(match.charAt(end - 1)) >= 0) {
      end--;
    }
    return end;
  }

  @Override
  boolean accept(String match) {
    // a scheme or "www." alone is no address
    return !match.matches("(?i)(?:(?:https?|ftp)://|www\\.)");
  }
}
