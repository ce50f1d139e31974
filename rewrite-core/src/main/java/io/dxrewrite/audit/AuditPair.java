package io.dxrewrite.audit;

/**
 * A pair of vocabulary words to check in both directions, with how the pair search found it.
 *
 * @param first vocabulary id of w
 * @param second vocabulary id of w'
 * @param source which search produced it: {@code nearest}, {@code rank}, {@code dense}, {@code
 *     sparse}, {@code random}, {@code exhaustive} or a caller's label (e.g. a toy construction)
 * @param detail why the pair is interesting, in words and ids (e.g. the third word's ranks); no
 *     input text is ever involved, only vocabulary words
 */
public record AuditPair(int first, int second, String source, String detail) {
  /**
   * @throws IllegalArgumentException if an id is negative or the two are equal
   */
  public AuditPair {
    if (first < 0 || second < 0 || first == second) {
      throw new IllegalArgumentException("a pair needs two distinct vocabulary ids");
    }
  }
}
