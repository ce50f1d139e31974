package io.dxrewrite.text;

/**
 * The one rule for text that is not quite text: a string holding an unpaired UTF-16 surrogate
 * (U+D800 to U+DFFF without its partner, which JSON can carry as an escape such as {@code
 * "\ud800"}) is not Unicode text and cannot be written as UTF-8. Every front end refuses such a
 * record rather than altering it: the CLI exits 2 naming the line, the server answers 422 {@code
 * invalid_text} naming the record's index, Spark fails the row's task. Neither the character nor
 * the text around it is echoed.
 */
public final class UnpairedSurrogates {
  private UnpairedSurrogates() {}

  /**
   * @param text any string
   * @return the 0-based UTF-16 index of the first unpaired surrogate, or -1 when the text is
   *     well-formed UTF-16
   */
  public static int firstIn(String text) {
    int n = text.length();
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)) {
        if (i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
          i++;
          continue;
        }
        return i;
      }
      if (Character.isLowSurrogate(c)) {
        return i;
      }
    }
    return -1;
  }

  /**
   * The message front ends give, after naming the record.
   *
   * @param text the offending text
   * @return e.g. "holds an unpaired UTF-16 surrogate (an escape in U+D800..U+DFFF without its
   *     pair) at character 6, which is not Unicode text"
   */
  public static String describe(String text) {
    return "holds an unpaired UTF-16 surrogate (an escape in U+D800..U+DFFF without its pair) at"
        + " character " + firstIn(text) + ", which is not Unicode text";
  }
}
