package io.dxrewrite.cli.io;

import io.dxrewrite.error.DxPreconditions;
import java.util.List;
import java.util.Locale;

/** Input and output record formats of {@code dx-rewrite rewrite}. */
public enum RecordFormat {
  /** One record per line; the whole line is rewritten. */
  TEXT,
  /** One JSON object per line; the named string field is rewritten, all others kept. */
  JSONL,
  /** Tab-separated values with a header row; the named column is rewritten, all others kept. */
  TSV;

  /**
   * @param name "text", "jsonl" or "tsv"
   * @return the format
   * @throws io.dxrewrite.error.InvalidParameterException for another name
   */
  public static RecordFormat fromCliName(String name) {
    DxPreconditions.checkOneOf("--format", name, List.of("text", "jsonl", "tsv"));
    return valueOf(name.toUpperCase(Locale.ROOT));
  }
}
