package io.dxrewrite.nlu.data;

import java.nio.file.Path;
import java.util.Locale;

/** File formats of labelled sets. */
public enum LabelledFormat {
  /** One JSON object per line. */
  JSONL,
  /** Tab-separated values with a header row naming the columns. */
  TSV;

  /**
   * @param file a file name
   * @return TSV for names ending in .tsv, otherwise JSONL
   */
  public static LabelledFormat fromFileName(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return name.endsWith(".tsv") ? TSV : JSONL;
  }
}
