package io.dxrewrite.entity;

import io.dxrewrite.error.DxPreconditions;
import java.util.Arrays;
import java.util.Locale;

/** What the rewriter writes in place of a recognized direct identifier. */
public enum EntityTreatment {
  /**
   * Default. The kind in angle brackets ({@code <PERSON>}, {@code <PHONE>}, ...): the output is a
   * function of the kind only.
   */
  PLACEHOLDER,
  /**
   * A value drawn uniformly at random from a public list of that kind, in the original's shape
   * (see {@link Surrogates}): the output is a function of the kind, the shape and fresh randomness.
   */
  SURROGATE,
  /**
   * Explicit opt-out: no recognition; identifiers go through the mechanism like any word (metric
   * DP only). Every report says so.
   */
  OFF;

  /**
   * @return the command-line and API name ("placeholder", "surrogate" or "off")
   */
  public String cliName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * @param name "placeholder", "surrogate" or "off"
   * @return the treatment
   * @throws io.dxrewrite.error.InvalidParameterException for any other name
   */
  public static EntityTreatment fromCliName(String name) {
    DxPreconditions.checkOneOf(
        "entities", name, Arrays.stream(values()).map(EntityTreatment::cliName).toList());
    return valueOf(name.toUpperCase(Locale.ROOT));
  }
}
