package io.dxrewrite.entity;

import java.util.regex.Pattern;

/**
 * E-mail addresses: a local part of letters, digits and {@code . _ % + -} starting with a letter
 * or digit, {@code @}, then one or more dot-separated DNS labels (letters, digits, inner hyphens)
 * ending in a top-level label of 2 to 24 letters (the dot-atom form of RFC 5322 section 3.4.1,
 * restricted to the characters seen in practice). Letters are any Unicode letters, with combining
 * marks, so internationalized addresses (RFC 6531, {@code zoë.müller@exämple.de}) are found too.
 * Not adjacent to other address characters.
 */
public final class EmailRecognizer extends PatternRecognizer {
  private static final Pattern EMAIL =
      Pattern.compile(
          "(?<![\\p{L}\\p{N}\\p{M}_.+%-])[\\p{L}\\p{N}][\\p{L}\\p{N}\\p{M}._%+-]*@"
              + "(?:[\\p{L}\\p{N}](?:[\\p{L}\\p{N}\\p{M}-]*[\\p{L}\\p{N}\\p{M}])?\\.)+\\p{L}{2,24}"
              + "(?![\\p{L}\\p{N}\\p{M}_-])");

  /** The recognizer. */
  public EmailRecognizer() {
    super(EntityType.EMAIL, EMAIL);
  }

  @Override
  boolean mayContain(String text) {
    return text.indexOf('@') >= 0;
  }
}
