package io.dxrewrite.rewrite;

import java.util.Locale;

/**
 * What the rewriter did with one word of the input, located in the rewritten text. A function of
 * the input, the output and the public vocabulary only, so it releases nothing the caller of a
 * rewrite does not already hold (it has its input and the output).
 *
 * @param start first UTF-16 index of the word in {@link RewriteResult#text()} (inclusive)
 * @param end last UTF-16 index of the word, exclusive; {@code start <= end}
 * @param kind what happened to the word
 */
public record WordMark(int start, int end, Kind kind) {

  /** What happened to a word. */
  public enum Kind {
    /** An in-vocabulary word the mechanism perturbed and that came back as itself. */
    KEPT,
    /** An in-vocabulary word the mechanism perturbed and that came back as another word. */
    REPLACED,
    /**
     * An out-of-vocabulary word perturbed from the public UNK point (or its subword vector) under
     * {@link OovPolicy#UNK} or {@link OovPolicy#SUBWORD}; always written as a vocabulary word.
     */
    OOV,
    /**
     * A word copied through verbatim with no guarantee: out of the vocabulary under {@link
     * OovPolicy#KEEP}, or on the skip list ({@link PrivacyReport} counts these as unprotected).
     */
    UNPROTECTED,
    /** A direct identifier's placeholder or surrogate written by the entity layer. */
    ENTITY;

    /**
     * @return the lower-case name used in JSON ({@code kept}, {@code replaced}, {@code oov},
     *     {@code unprotected}, {@code entity})
     */
    public String apiName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * @throws IllegalArgumentException if {@code start < 0} or {@code end < start}
   */
  public WordMark {
    if (start < 0 || end < start) {
      throw new IllegalArgumentException("word mark [" + start + ", " + end + ") is not a range");
    }
    java.util.Objects.requireNonNull(kind, "kind");
  }
}
