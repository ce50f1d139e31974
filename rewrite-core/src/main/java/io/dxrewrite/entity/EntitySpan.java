package io.dxrewrite.entity;

/**
 * A recognized direct identifier: the half-open character range {@code [start, end)} of the raw
 * text (UTF-16 indices, as {@link String#substring(int, int)}) and its kind.
 *
 * @param start first character, {@code >= 0}
 * @param end one past the last character, {@code > start}
 * @param type the kind of identifier
 */
public record EntitySpan(int start, int end, EntityType type) {
  /**
   * @throws IllegalArgumentException if the range is empty or negative
   */
  public EntitySpan {
    if (start < 0 || end <= start) {
      throw new IllegalArgumentException("bad span [" + start + ", " + end + ")");
    }
    java.util.Objects.requireNonNull(type, "type");
  }

  /**
   * @return {@code end - start}, in UTF-16 characters
   */
  public int length() {
    return end - start;
  }

  /**
   * @param other another span
   * @return whether the two ranges share at least one character
   */
  public boolean overlaps(EntitySpan other) {
    return start < other.end && other.start < end;
  }
}
