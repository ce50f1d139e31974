package io.dxrewrite.text;

import java.util.Locale;

/**
 * Casing that depends only on public structure: the first word of a record, of a line and of a
 * sentence is capitalised, every other word is in lower case. A sentence starts after a non-word
 * token that holds {@code .}, {@code !} or {@code ?}; a line starts after one that holds a line
 * break. Abbreviations ("e.g. this") therefore start a sentence too: the rule must read only what
 * is released anyway (punctuation and line structure), never the words themselves.
 *
 * <p>Feed the tokens of one record in order; not thread-safe (one instance per record).
 */
public final class StructuralCasing {
  private boolean start = true;

  /**
   * Writes a word in structural case and advances past it.
   *
   * @param lowerCaseWord the output word in lower case (a vocabulary word or a word's lookup key)
   * @param clitic whether the word is a clitic attached to the previous word ({@code n't}, {@code
   *     's}): it never starts a sentence
   * @return the word, capitalised at a sentence or line start and lower case otherwise
   */
  public String word(String lowerCaseWord, boolean clitic) {
    String lower = lowerCaseWord.toLowerCase(Locale.ROOT);
    boolean capitalise = start && !clitic;
    start = false;
    return capitalise ? CasePattern.CAPITALIZED.apply(lower) : lower;
  }

  /**
   * Advances past the replacement of a recognized identifier (an entity placeholder such as
   * {@code <PERSON>}, or a surrogate), which is written exactly as given. It stands in the sentence
   * where a word stood: a sentence start is used up by it (the word after {@code <PERSON>} at the
   * start of a record is not capitalised), and the characters inside it (the dots of an e-mail
   * address or a date) never start a sentence. Reads only the replacement's position, which is
   * released anyway.
   *
   * @param replacement the replacement's characters
   * @return {@code replacement}, unchanged
   */
  public String entity(String replacement) {
    start = false;
    return replacement;
  }

  /**
   * Advances past a non-word token.
   *
   * @param text the token's characters
   */
  public void nonWord(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '.' || c == '!' || c == '?' || c == '\n' || c == '\r') {
        start = true;
        return;
      }
    }
  }
}
