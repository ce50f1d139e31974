package io.dxrewrite.entity;

import java.util.List;

/**
 * One kind of direct identifier, found by public, documented rules on the raw text (before
 * tokenization, because an identifier such as a phone number spans several tokens). No model is
 * loaded at run time. Implementations are immutable and thread-safe.
 *
 * <p>Recognizers may report overlapping spans; {@link EntityDetector} resolves overlaps between
 * all recognizers by one deterministic rule.
 */
public interface Recognizer {
  /**
   * @return the kind of identifier this recognizer reports
   */
  EntityType type();

  /**
   * @param text raw text of one record
   * @return the spans of {@code text} that hold an identifier of this kind, in any order
   */
  List<EntitySpan> find(String text);
}
