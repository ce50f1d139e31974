package io.dxrewrite.embeddings.importer;

import io.dxrewrite.embeddings.EmbeddingTable;
import io.dxrewrite.error.StoreFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * Reads GloVe text (no header) and word2vec text (header "V d"): one word per line, followed by
 * its d values separated by single spaces (trailing spaces, as word2vec.c and fastText write them,
 * are allowed). The dimension comes from the header, or for GloVe from the first line.
 *
 * <p>Refused, naming the file and line: bytes that are not UTF-8; a blank line; a line whose
 * number of values is not exactly d; a value that is not a finite number; a word refused by {@link
 * TableBuilder} (empty, whitespace only, a control character, a repeat); and for word2vec a header
 * whose V is not exactly the number of vector lines, more or fewer. The whole file is checked even
 * when only the first {@code maxWords} words are kept.
 */
final class TextVectorsImporter implements EmbeddingImporter {
  private final boolean header;
  private final String kind;
  private final String dropped;

  TextVectorsImporter(boolean header) {
    this(header, header ? "word2vec text" : "GloVe text", null);
  }

  /**
   * @param header whether the first line is a "V d" header
   * @param kind the format's name, for the store's source description
   * @param dropped a token that is not a word and is left out (fastText's {@code </s>}), or null;
   *     it still counts towards the header's V
   */
  TextVectorsImporter(boolean header, String kind, String dropped) {
    this.header = header;
    this.kind = kind;
    this.dropped = dropped;
  }

  @Override
  public EmbeddingTable read(Path file, int maxWords) {
    try (InputStream in = Inputs.open(file)) {
      Utf8Lines lines = new Utf8Lines(in, file);
      TableBuilder builder = null;
      long declaredWords = -1;
      if (header) {
        String first = lines.next();
        if (first == null) {
          throw new StoreFormatException(file, "empty file (expected a word2vec header 'V d')");
        }
        String[] parts = first.strip().split(" ");
        if (parts.length != 2) {
          throw new StoreFormatException(file, "line 1: expected a word2vec header 'V d'");
        }
        int d;
        try {
          declaredWords = Long.parseLong(parts[0]);
          d = Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
          throw new StoreFormatException(file, "line 1: header 'V d' is not two integers");
        }
        if (declaredWords <= 0 || d <= 0) {
          throw new StoreFormatException(file, "line 1: header 'V d' needs V > 0 and d > 0");
        }
        builder = new TableBuilder(file, d, maxWords);
      }
      long vectorLines = 0;
      float[] values = new float[0];
      String line;
      while ((line = lines.next()) != null) {
        String where = "line " + lines.number();
        if (line.isBlank()) {
          throw new StoreFormatException(file, where + ": blank line (expected a word and values)");
        }
        String[] parts = withoutTrailingSpaces(line).split(" ", -1);
        String word = parts[0];
        TableBuilder.checkWord(file, word, where);
        if (builder == null) {
          if (parts.length < 2) {
            throw new StoreFormatException(file, where + ": expected a word and values");
          }
          builder = new TableBuilder(file, parts.length - 1, maxWords);
        }
        int d = builder.dimension();
        if (parts.length - 1 != d) {
          throw new StoreFormatException(
              file,
              where + ": expected " + d + " values after the word, found " + (parts.length - 1)
                  + (header ? " (d = " + d + " in the header)" : " (d = " + d + " on line 1)"));
        }
        if (values.length < d) {
          values = new float[d];
        }
        for (int j = 0; j < d; j++) {
          try {
            values[j] = Float.parseFloat(parts[1 + j]);
          } catch (NumberFormatException e) {
            throw new StoreFormatException(file, where + ": value " + (j + 1) + " is not a number");
          }
        }
        vectorLines++;
        if (header && vectorLines > declaredWords) {
          throw new StoreFormatException(
              file, where + ": more vector lines than the " + declaredWords
                  + " words the header declares");
        }
        if (!word.equals(dropped)) {
          builder.add(word, values, 0, where);
        }
      }
      if (builder == null) {
        throw new StoreFormatException(file, "contains no word vectors");
      }
      if (header && vectorLines != declaredWords) {
        throw new StoreFormatException(
            file,
            "truncated: the header declares " + declaredWords + " words, the file holds "
                + vectorLines + " vector lines");
      }
      return builder.build(kind + " " + file.getFileName());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  private static String withoutTrailingSpaces(String line) {
    int end = line.length();
    while (end > 0 && line.charAt(end - 1) == ' ') {
      end--;
    }
    return line.substring(0, end);
  }
}
