package io.dxrewrite.json;

/**
 * Why a JSON text was refused by {@link StrictJson}, and where. Describes the problem by its kind
 * and position only: it never holds or quotes any part of the input.
 *
 * @param problem what is wrong
 * @param column 1-based column (in characters of the text given to the reader) where the reader
 *     stopped; for {@link Problem#TOO_DEEP}, where the level over the limit opens
 */
public record JsonViolation(Problem problem, long column) {
  /** The kinds of refusal. */
  public enum Problem {
    /** An object repeats a field name, at any depth. */
    REPEATED_NAME,
    /** Objects and arrays nest deeper than {@link StrictJson#MAX_NESTING_DEPTH}. */
    TOO_DEEP,
    /** A number, string or name is longer than the reader's length limits. */
    TOO_LONG,
    /** Not JSON (or not one complete value). */
    MALFORMED
  }

  /**
   * @return a message for users: what is wrong and where, e.g. {@code "a field name is repeated at
   *     column 17"}, {@code "JSON nested deeper than 100 levels"}; never input text
   */
  public String describe() {
    return switch (problem) {
      case REPEATED_NAME -> "a field name is repeated at column " + column;
      case TOO_DEEP -> "JSON nested deeper than " + StrictJson.MAX_NESTING_DEPTH + " levels";
      case TOO_LONG -> "a JSON value longer than the reader's limits at column " + column;
      case MALFORMED -> "malformed JSON at column " + column;
    };
  }

  /**
   * @param offset characters before the text the reader saw (e.g. a byte-order mark it was not
   *     given), added to the column
   * @return the same violation with its column shifted by {@code offset}
   */
  public JsonViolation shifted(int offset) {
    return new JsonViolation(problem, column + offset);
  }
}
