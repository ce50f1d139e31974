package io.dxrewrite.rewrite;

import java.util.List;

/**
 * One rewritten record.
 *
 * @param text the rewritten text; every non-word character of the input is preserved
 * @param report what the rewrite spent
 * @param marks one {@link WordMark} per input word and identifier, in text order, locating it in
 *     {@code text}; empty when the producer did not record them
 */
public record RewriteResult(String text, PrivacyReport report, List<WordMark> marks) {

  /** Copies {@code marks}. */
  public RewriteResult {
    marks = List.copyOf(marks);
  }

  /**
   * A result without word marks.
   *
   * @param text the rewritten text
   * @param report what the rewrite spent
   */
  public RewriteResult(String text, PrivacyReport report) {
    this(text, report, List.of());
  }
}
