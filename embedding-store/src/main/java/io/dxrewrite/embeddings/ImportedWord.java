package io.dxrewrite.embeddings;

import io.dxrewrite.error.StoreFormatException;
import java.nio.file.Path;

/**
 * The rule every importer applies to a word read from an embedding file: a store's word must be
 * something a whitespace tokenizer can produce and a rewrite can print.
 *
 * <p>Why: a GloVe line whose token is a space became the word " ", and rewritten words then came
 * out as blanks; a misaligned binary record yields words of NUL and other control bytes.
 */
public final class ImportedWord {
  private ImportedWord() {}

  /**
   * @param file the embedding file, for the message
   * @param word a word read from it (already decoded strictly as UTF-8)
   * @param where its line or record, e.g. "line 7" or "word record 3 of 10"
   * @throws StoreFormatException naming file and {@code where} (never the word) if the word is
   *     empty, consists of whitespace only (including no-break and other Unicode spaces) or holds a
   *     control character (tab, NUL, ...)
   */
  public static void check(Path file, String word, String where) {
    if (word.isEmpty()) {
      throw new StoreFormatException(file, where + ": empty word");
    }
    boolean blank = true;
    for (int i = 0; i < word.length(); ) {
      int c = word.codePointAt(i);
      i += Character.charCount(c);
      if (Character.isISOControl(c)) {
        throw new StoreFormatException(file, where + ": the word holds a control character");
      }
      blank &= Character.isWhitespace(c) || Character.isSpaceChar(c);
    }
    if (blank) {
      throw new StoreFormatException(file, where + ": the word is whitespace only");
    }
  }
}
