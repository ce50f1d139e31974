package io.dxrewrite.entity;

import java.util.Objects;

/**
 * How a rewrite treats direct identifiers.
 *
 * @param treatment placeholder (default), surrogate, or off (explicit opt-out, reported)
 * @param denyList user-supplied terms that add to the built-in recognizers; {@link
 *     EntityList#EMPTY} for none
 */
public record EntityOptions(EntityTreatment treatment, EntityList denyList) {
  /** The default: placeholders, no deny-list. */
  public static final EntityOptions DEFAULT =
      new EntityOptions(EntityTreatment.PLACEHOLDER, EntityList.EMPTY);

  /** Checks for nulls. */
  public EntityOptions {
    Objects.requireNonNull(treatment, "treatment");
    Objects.requireNonNull(denyList, "denyList");
  }

  /**
   * @param treatment the treatment
   * @return options with that treatment and no deny-list
   */
  public static EntityOptions of(EntityTreatment treatment) {
    return new EntityOptions(treatment, EntityList.EMPTY);
  }
}
