package io.dxrewrite.entity;

import java.util.regex.Pattern;

/**
 * E-mail addresses: a local part of letters, digits and {@code . _ % + -} starting with a letter
 * or digit, {@code @}, then one or more dot-separated DNS labels (letters, digits, inner hyphens)
 * ending in a top-level label of 2 to 24 letters (the dot-atom form of RFC 5322 section 3.4.1,
 * restricted to the characters seen in practice). Not adjacent to other address characters.
 */
public final class EmailRecognizer extends PatternRecognizer {
  private static final Pattern EMAIL =
      Pattern.compile(
          "(?<![\\w.+%-])[A-Za-z0-9][A-Za-z0-9._%+-]*@"
              + "(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\\.)+[A-Za-z]{2,24}(?![\\w-])");

  /** The recognizer. */
  public EmailRecognizer() {
    super(EntityType.EMAIL, EMAIL);
  }
}
