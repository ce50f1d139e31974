package io.dxrewrite.entity;

import io.dxrewrite.text.Token;
import java.util.List;
import java.util.Map;

/**
 * A record after the entity layer: its tokens, where each recognized identifier has become one
 * non-word token holding its replacement (so it is copied to the output and never reaches a
 * mechanism), and the count of identifiers per kind.
 *
 * @param tokens the record's tokens; word tokens are only those outside identifiers
 * @param entities identifiers per kind name ({@code "PERSON"} to 2, ...), in {@link EntityType}
 *     order, kinds with no identifier left out; empty when none, or when the treatment is off
 */
public record ProtectedText(List<Token> tokens, Map<String, Integer> entities) {
  /** Copies both. */
  public ProtectedText {
    tokens = List.copyOf(tokens);
    entities = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(entities));
  }
}
