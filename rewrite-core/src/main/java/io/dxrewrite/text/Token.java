package io.dxrewrite.text;

/**
 * A slice of the input text: either a word (a maximal run of letters, digits and combining marks)
 * or anything else (spaces, punctuation, line breaks, emoji), kept verbatim.
 *
 * @param text the exact characters of the slice
 * @param word whether the slice is a word
 */
public record Token(String text, boolean word) {}
