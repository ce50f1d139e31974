package io.dxrewrite.entity;

import java.util.regex.Pattern;

/**
 * Numbers of three or more digits (account numbers, order numbers, house numbers, years),
 * counting digits across single {@code ,} or {@code .} group separators ({@code 1,234.56} is one
 * number). A run of digits inside a word ({@code A1234567}, {@code 1080p}) makes the whole word a
 * number, so no digits of it are left over.
 */
public final class NumberRecognizer extends PatternRecognizer {
  private static final Pattern NUMBER =
      Pattern.compile(
          "(?<![\\p{L}\\p{N}\\p{M}])[\\p{L}\\p{M}\\p{N}]*?\\d(?:[,.]?\\d){2,}[\\p{L}\\p{M}\\p{N}]*");

  /** The recognizer. */
  public NumberRecognizer() {
    super(EntityType.NUMBER, NUMBER);
  }
}
