package io.dxrewrite.cli.io;

/**
 * Extracts the text to rewrite from an input line and writes the rewritten text back into the
 * line, leaving everything else (other fields, labels, line endings) untouched.
 */
public interface RecordCodec {
  /**
   * Called for the first line when the format has a header (TSV).
   *
   * @param line the first line
   * @return whether the line was a header, to be copied to the output unchanged
   */
  default boolean header(Line line) {
    return false;
  }

  /**
   * @return after {@link #header} accepted a header, one line for stderr saying what it selected
   *     (column names only, never record text); null when the format has no header
   */
  default String headerNote() {
    return null;
  }

  /**
   * @param line an input line
   * @return the record, or null when the line carries no record (a blank JSONL line)
   * @throws io.dxrewrite.error.InvalidInputException if the line is malformed; the message names
   *     the line number and never quotes the line
   */
  Record parse(Line line);

  /** A parsed record. */
  interface Record {
    /**
     * @return the text to rewrite
     */
    String text();

    /**
     * @return the record's data-subject key (from {@code --subject-field}), or null when the codec
     *     reads none; held in memory only, never written to a report, a log or a message
     */
    default String subject() {
      return null;
    }

    /**
     * @param rewritten the rewritten text
     * @return the output line content (without terminator)
     */
    String render(String rewritten);
  }

  /**
   * @param format the format
   * @param field the JSONL field or TSV column to rewrite
   * @return the codec
   */
  static RecordCodec of(RecordFormat format, String field) {
    return of(format, field, null, true);
  }

  /**
   * @param format the format
   * @param field the JSONL field, TSV column name, or (TSV without header) 1-based column number
   * @param subjectField the JSONL field (a string or an integer) or TSV column that holds each
   *     record's data-subject key, or null for none; JSONL and TSV only, and every record must
   *     have a non-empty one
   * @param tsvHeader whether a TSV's line 1 is a header (ignored for other formats)
   * @return the codec
   * @throws io.dxrewrite.error.InvalidParameterException if a subject field is given for text, or
   *     equals the rewritten field
   */
  static RecordCodec of(RecordFormat format, String field, String subjectField, boolean tsvHeader) {
    if (subjectField != null) {
      io.dxrewrite.error.DxPreconditions.checkArgument(
          format != RecordFormat.TEXT,
          "--subject-field applies to --format jsonl and tsv; text records carry no subject");
      io.dxrewrite.error.DxPreconditions.checkArgument(
          !subjectField.equals(field),
          "--subject-field must differ from the rewritten --field ('" + field + "')");
    }
    return switch (format) {
      case TEXT -> new TextCodec();
      case JSONL -> new JsonlCodec(field, subjectField);
      case TSV -> new TsvCodec(field, subjectField, tsvHeader);
    };
  }
}
