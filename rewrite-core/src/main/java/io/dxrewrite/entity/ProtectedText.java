package io.dxrewrite.entity;

import io.dxrewrite.text.Token;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A record after the entity layer: its tokens, where each recognized identifier has become one
 * non-word token holding its replacement (so it is copied to the output and never reaches a
 * mechanism), and the count of identifiers per kind.
 *
 * @param tokens the record's tokens; word tokens are only those outside identifiers
 * @param entities identifiers per kind name ({@code "PERSON"} to 2, ...), in {@link EntityType}
 *     order, kinds with no identifier left out; empty when none, or when the treatment is off
 * @param entityTokens indices into {@code tokens} of the identifiers' replacements (placeholders
 *     or surrogates); the output writes them exactly as they are, under any casing policy
 */
public record ProtectedText(
    List<Token> tokens, Map<String, Integer> entities, Set<Integer> entityTokens) {
  /** Copies all three. */
  public ProtectedText {
    tokens = List.copyOf(tokens);
    entities = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(entities));
    entityTokens = Set.copyOf(entityTokens);
  }

  /**
   * A record in which no identifier was recognized.
   *
   * @param tokens the record's tokens
   */
  public ProtectedText(List<Token> tokens) {
    this(tokens, Map.of(), Set.of());
  }

  /**
   * @param tokenIndex an index into {@link #tokens()}
   * @return whether that token is an identifier's replacement
   */
  public boolean isEntity(int tokenIndex) {
    return entityTokens.contains(tokenIndex);
  }
}
