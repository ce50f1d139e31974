package io.dxrewrite.embeddings.importer;

import io.dxrewrite.embeddings.EmbeddingTable;
import io.dxrewrite.error.StoreFormatException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Reads GloVe text (no header) and word2vec text (header "V d"): one word per line, followed by
 * its d values separated by single spaces. The dimension comes from the header, or for GloVe from
 * the first line. The file must be UTF-8.
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
   * @param dropped a token that is not a word and is left out (fastText's {@code </s>}), or null
   */
  TextVectorsImporter(boolean header, String kind, String dropped) {
    this.header = header;
    this.kind = kind;
    this.dropped = dropped;
  }

  @Override
  public EmbeddingTable read(Path file, int maxWords) {
    var decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    long lineNumber = 0;
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(Inputs.open(file), decoder), 1 << 16)) {
      TableBuilder builder = null;
      int declaredWords = -1;
      if (header) {
        String first = reader.readLine();
        lineNumber++;
        if (first == null) {
          throw new StoreFormatException(file, "empty file (expected a word2vec header 'V d')");
        }
        String[] parts = first.trim().split(" ");
        if (parts.length != 2) {
          throw new StoreFormatException(file, "line 1: expected a word2vec header 'V d'");
        }
        try {
          declaredWords = Integer.parseInt(parts[0]);
          builder = new TableBuilder(file, Integer.parseInt(parts[1]), maxWords);
        } catch (NumberFormatException e) {
          throw new StoreFormatException(file, "line 1: header 'V d' is not two integers");
        }
      }
      float[] values = new float[0];
      String line;
      while ((line = reader.readLine()) != null) {
        lineNumber++;
        if (line.isBlank()) {
          continue;
        }
        String[] parts = line.stripTrailing().split(" ");
        if (builder == null) {
          if (parts.length < 2) {
            throw new StoreFormatException(file, "line " + lineNumber + ": expected a word and values");
          }
          builder = new TableBuilder(file, parts.length - 1, maxWords);
        }
        int d = builder.dimension();
        if (parts.length < d + 1) {
          throw new StoreFormatException(
              file,
              "line " + lineNumber + ": expected " + d + " values, found " + (parts.length - 1));
        }
        if (values.length < d) {
          values = new float[d];
        }
        int wordParts = parts.length - d;
        String word = wordParts == 1 ? parts[0] : String.join(" ", java.util.Arrays.copyOf(parts, wordParts));
        for (int j = 0; j < d; j++) {
          try {
            values[j] = Float.parseFloat(parts[wordParts + j]);
          } catch (NumberFormatException e) {
            throw new StoreFormatException(
                file, "line " + lineNumber + ": value " + (j + 1) + " is not a number");
          }
        }
        if (!word.equals(dropped)) {
          builder.add(word, values, 0, "line " + lineNumber);
        }
        if (builder.full()) {
          break;
        }
      }
      if (builder == null) {
        throw new StoreFormatException(file, "contains no word vectors");
      }
      if (declaredWords >= 0 && builder.full() == false && lineNumber - 1 < declaredWords) {
        throw new StoreFormatException(
            file,
            "truncated: header declares " + declaredWords + " words, file has "
                + (lineNumber - 1) + " lines");
      }
      return builder.build(kind + " " + file.getFileName());
    } catch (CharacterCodingException e) {
      throw new StoreFormatException(file, "line " + (lineNumber + 1) + ": not valid UTF-8");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }
}
