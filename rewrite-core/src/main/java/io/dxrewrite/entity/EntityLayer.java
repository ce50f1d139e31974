package io.dxrewrite.entity;

import io.dxrewrite.text.Token;
import io.dxrewrite.text.Tokenizer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * The entity layer in front of the mechanism: finds direct identifiers on the raw text ({@link
 * EntityDetector}), replaces each by a placeholder or a surrogate, and tokenizes the text between
 * them with the usual {@link Tokenizer}.
 *
 * <p><b>Guarantee.</b> Let x and x' be two records that differ only in the values of recognized
 * identifiers, with the same spans, kinds and (for surrogates) shapes ({@link Surrogates}). Then
 * the layer's output tokens are equal for placeholders (a function of the kinds only) and
 * identically distributed for surrogates (a function of kind, shape and fresh randomness), and
 * the words outside identifiers are identical, so the mechanism that follows sees the same input.
 * Hence for any output y, P[M(x) = y] = P[M(x') = y]: an identifier's value has no influence on
 * the output (epsilon 0 for it), and entity tokens are charged 0. What is released: which
 * characters were classed as identifiers, their kinds (counted in every report), and for
 * surrogates their shapes. The recognition itself reads the values (a name missed by the rules
 * is a word like any other, protected by the mechanism's metric DP only); the guarantee covers
 * what was recognized. Proof: the replacement is computed by {@link Surrogates#draw} or {@link
 * EntityType#placeholder()}, which read the span only through (kind, shape), with randomness
 * independent of the text; the rest of the pipeline receives no other information about the span.
 *
 * <p>Immutable and thread-safe.
 */
public final class EntityLayer {
  private static volatile EntityLayer builtIn;
  private final EntityDetector detector;
  private final Surrogates surrogates;
  private final Tokenizer tokenizer = new Tokenizer();

  /**
   * @param detector the recognizers
   * @param gazetteer the public name lists surrogate names are drawn from
   */
  public EntityLayer(EntityDetector detector, Gazetteer gazetteer) {
    this.detector = java.util.Objects.requireNonNull(detector, "detector");
    this.surrogates = new Surrogates(gazetteer);
  }

  /**
   * @return the built-in recognizers with the built-in gazetteer and no deny-list (shared)
   */
  public static EntityLayer builtIn() {
    EntityLayer layer = builtIn;
    if (layer == null) {
      synchronized (EntityLayer.class) {
        layer = builtIn;
        if (layer == null) {
          layer = of(EntityList.EMPTY);
          builtIn = layer;
        }
      }
    }
    return layer;
  }

  /**
   * @param denyList user-supplied terms (added to the built-in recognizers)
   * @return a layer with the built-in recognizers and gazetteer plus the deny-list
   */
  public static EntityLayer of(EntityList denyList) {
    if (denyList.isEmpty() && builtIn != null) {
      return builtIn;
    }
    Gazetteer g = Gazetteer.builtIn();
    return new EntityLayer(EntityDetector.standard(g, denyList), g);
  }

  /**
   * @return the detector
   */
  public EntityDetector detector() {
    return detector;
  }

  /**
   * Tokenizes a record, replacing each recognized identifier.
   *
   * @param text raw text of one record
   * @param treatment placeholder, surrogate or off (off: plain tokenization, no counts)
   * @param random randomness for surrogates, independent of the mechanism's; unused otherwise
   * @return the tokens, the identifier counts per kind and which tokens are replacements
   */
  public ProtectedText protect(String text, EntityTreatment treatment, RandomGenerator random) {
    if (treatment == EntityTreatment.OFF) {
      return new ProtectedText(tokenizer.tokenize(text));
    }
    List<EntitySpan> spans = detector.detect(text);
    if (spans.isEmpty()) {
      return new ProtectedText(tokenizer.tokenize(text));
    }
    List<Token> tokens = new ArrayList<>();
    java.util.Set<Integer> entityTokens = new java.util.HashSet<>();
    Map<EntityType, Integer> counts = new EnumMap<>(EntityType.class);
    int at = 0;
    for (EntitySpan span : spans) {
      if (span.start() > at) {
        tokens.addAll(tokenizer.tokenize(text.substring(at, span.start())));
      }
      String replacement =
          treatment == EntityTreatment.PLACEHOLDER
              ? span.type().placeholder()
              : surrogates.draw(span.type(), text.substring(span.start(), span.end()), random);
      entityTokens.add(tokens.size());
      tokens.add(new Token(replacement, false));
      counts.merge(span.type(), 1, Integer::sum);
      at = span.end();
    }
    if (at < text.length()) {
      tokens.addAll(tokenizer.tokenize(text.substring(at)));
    }
    Map<String, Integer> named = new LinkedHashMap<>();
    counts.forEach((type, n) -> named.put(type.name(), n));
    return new ProtectedText(tokens, named, entityTokens);
  }
}
