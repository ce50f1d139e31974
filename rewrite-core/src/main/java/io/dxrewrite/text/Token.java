package io.dxrewrite.text;

import java.util.Locale;

/**
 * A slice of the input text: a word (a maximal run of letters, digits and combining marks, or an
 * English clitic such as {@code n't} or {@code 's}, see {@link Contractions}), or anything else
 * (spaces, punctuation, line breaks, emoji), kept verbatim.
 *
 * @param text the exact characters of the slice
 * @param word whether the slice is a word, to be looked up and perturbed
 * @param lookup the vocabulary key of a word: its text in lower case ({@link Locale#ROOT}), or a
 *     clitic's full form ({@code n't} is looked up as {@code not}); null for a non-word
 * @param clitic whether the word is a clitic attached to the word before it; a clitic whose
 *     replacement is another word is written as that word after a space ("it's" may become "it
 *     was")
 */
public record Token(String text, boolean word, String lookup, boolean clitic) {
  /**
   * A plain word or non-word slice.
   *
   * @param text the exact characters of the slice
   * @param word whether the slice is a word
   */
  public Token(String text, boolean word) {
    this(text, word, word ? text.toLowerCase(Locale.ROOT) : null, false);
  }
}
