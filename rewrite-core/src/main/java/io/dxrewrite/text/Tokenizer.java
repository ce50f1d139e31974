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
 * byte.
 *
 * <p>English contractions are then split as GloVe's tokenizer split them ({@link Contractions}):
 * a word, one apostrophe and one of the letter runs t (after a word ending in n), s, re, ll, ve,
 * m or d become the word and a clitic word token ("don't" is "do" + "n't", looked up as "do" and
 * "not"). Stateless and thread-safe.
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
    return splitContractions(tokens);
  }

  /** Merges word, apostrophe, clitic letters into word + clitic token; see the class comment. */
  private static List<Token> splitContractions(List<Token> tokens) {
    List<Token> out = null;
    for (int i = 0; i < tokens.size(); i++) {
      Token token = tokens.get(i);
      if (i + 2 < tokens.size()
          && token.word()
          && Contractions.isApostrophe(tokens.get(i + 1).text())
          && tokens.get(i + 2).word()) {
        String before = token.text();
        String apostrophe = tokens.get(i + 1).text();
        String after = tokens.get(i + 2).text();
        Token stem = null;
        Token clitic = null;
        if (Contractions.isNegation(before, after)) {
          int cut = before.length() - 1;
          stem = new Token(before.substring(0, cut), true);
          clitic = new Token(before.substring(cut) + apostrophe + after, true, "not", true);
        } else if (Contractions.fullForm(after) != null) {
          stem = token;
          clitic = new Token(apostrophe + after, true, Contractions.fullForm(after), true);
        }
        if (clitic != null) {
          if (out == null) {
            out = new ArrayList<>(tokens.subList(0, i));
          }
          out.add(stem);
          out.add(clitic);
          i += 2;
          continue;
        }
      }
      if (out != null) {
        out.add(token);
      }
    }
    return out == null ? tokens : out;
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
