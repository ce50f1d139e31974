package io.dxrewrite.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits text into word and non-word {@link Token}s whose concatenation is exactly the input.
 *
 * <p>A word is a maximal run of code points that are letters, digits or combining marks ({@link
 * Character#isLetterOrDigit(int)}, {@link Character#NON_SPACING_MARK}, {@link
 * Character#COMBINING_SPACING_MARK}, {@link Character#ENCLOSING_MARK}). Everything else (spaces,
 * tabs, CR and LF, punctuation, apostrophes, hyphens, symbols, emoji) forms non-word tokens that
 * the rewriter copies through unchanged, so an identity mechanism reproduces the input byte for
 * byte. Stateless and thread-safe.
 */
public final class Tokenizer {
  /**
   * @param text any text, possibly empty
   * @return its tokens in order; concatenating their texts gives {@code text} exactly
   */
  public List<Token> tokenize(String text) {
    List<Token> tokens = new ArrayList<>();
    int n = text.length();
    int start = 0;
    boolean inWord = false;
    int i = 0;
    while (i < n) {
      int cp = text.codePointAt(i);
      boolean wordChar = isWordCodePoint(cp);
      if (i > start && wordChar != inWord) {
        tokens.add(new Token(text.substring(start, i), inWord));
        start = i;
      }
      inWord = wordChar;
      i += Character.charCount(cp);
    }
    if (n > start) {
      tokens.add(new Token(text.substring(start, n), inWord));
    }
    return tokens;
  }

  /**
   * @param codePoint a Unicode code point
   * @return whether it belongs to a word
   */
  public static boolean isWordCodePoint(int codePoint) {
    if (Character.isLetterOrDigit(codePoint)) {
      return true;
    }
    int type = Character.getType(codePoint);
    return type == Character.NON_SPACING_MARK
        || type == Character.COMBINING_SPACING_MARK
        || type == Character.ENCLOSING_MARK;
  }
}
