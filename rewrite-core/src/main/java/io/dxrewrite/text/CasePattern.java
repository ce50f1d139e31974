package io.dxrewrite.text;

import java.util.Locale;

/**
 * The casing of an input word, re-applied to its replacement. Vocabulary lookups are lower-case
 * ({@link Locale#ROOT}); the replacement word is then written in the input's pattern.
 */
public enum CasePattern {
  /** No upper-case letter: "hello", "42". */
  LOWER,
  /** First letter upper-case, the rest lower: "Hello", "I". */
  CAPITALIZED,
  /** At least two letters, all upper-case: "NASA". */
  UPPER,
  /** Anything else ("iPhone", "McDonald"): the replacement is written in lower case. */
  MIXED;

  /**
   * @param word a word token
   * @return its pattern
   */
  public static CasePattern of(String word) {
    int letters = 0;
    int upper = 0;
    boolean firstUpper = false;
    boolean restLower = true;
    int i = 0;
    while (i < word.length()) {
      int cp = word.codePointAt(i);
      if (Character.isLetter(cp)) {
        boolean isUpper = Character.isUpperCase(cp) || Character.isTitleCase(cp);
        if (letters == 0) {
          firstUpper = isUpper;
        } else if (isUpper) {
          restLower = false;
        }
        if (isUpper) {
          upper++;
        }
        letters++;
      }
      i += Character.charCount(cp);
    }
    if (upper == 0) {
      return LOWER;
    }
    if (firstUpper && restLower) {
      return CAPITALIZED;
    }
    if (upper == letters && letters >= 2) {
      return UPPER;
    }
    return MIXED;
  }

  /**
   * @param lowerCaseWord a vocabulary word
   * @return the word written in this pattern
   */
  public String apply(String lowerCaseWord) {
    return switch (this) {
      case LOWER, MIXED -> lowerCaseWord;
      case UPPER -> lowerCaseWord.toUpperCase(Locale.ROOT);
      case CAPITALIZED -> {
        if (lowerCaseWord.isEmpty()) {
          yield lowerCaseWord;
        }
        int first = lowerCaseWord.codePointAt(0);
        int width = Character.charCount(first);
        yield new StringBuilder()
            .appendCodePoint(Character.toTitleCase(first))
            .append(lowerCaseWord, width, lowerCaseWord.length())
            .toString();
      }
    };
  }
}
