package io.dxrewrite.embeddings.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dxrewrite.embeddings.EmbeddingTable;
import io.dxrewrite.embeddings.fasttext.FastTextFixtures;
import io.dxrewrite.error.StoreFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Embedding files that are wrong in one place each (committed under {@code importer/hostile/}, made
 * by {@code scripts/make-hostile-embedding-files.py}; the fastText ones by patching the committed
 * reference model here) are refused by every importer with a message that names the file, the line
 * or record, and the problem. Before this test each of them was accepted (invalid UTF-8 in
 * word2vec binary, header counts, dimension, blank and duplicate words) or named the wrong line
 * (invalid UTF-8 in text).
 */
class HostileEmbeddingFilesTest {
  @TempDir Path dir;

  /**
   * @param name a file under {@code importer/hostile/}
   * @param dir where to copy it
   * @return the copy
   */
  static Path hostile(String name, Path dir) throws IOException {
    try (InputStream in =
        HostileEmbeddingFilesTest.class.getResourceAsStream("/importer/hostile/" + name)) {
      assertThat(in).as("test resource %s", name).isNotNull();
      Path copy = dir.resolve(name);
      Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
      return copy;
    }
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "glove        | glove-bad-utf8-line-2.txt                    | line 2: not valid UTF-8",
        "glove        | glove-bad-utf8-line-2501.txt                 | line 2501: not valid UTF-8",
        "word2vec     | word2vec-bad-utf8-line-2502.txt              | line 2502: not valid UTF-8",
        "fasttext-vec | fasttext-bad-utf8-line-2502.vec              | line 2502: not valid UTF-8",
        "word2vec     | word2vec-header-5-over-4-and-blank-line.txt  | line 6: blank line (expected a word and values)",
        "word2vec     | word2vec-header-5-over-4.txt                 | the header declares 5 words, the file holds 4 vector lines",
        "word2vec     | word2vec-header-3-over-4.txt                 | line 5: more vector lines than the 3 words the header declares",
        "fasttext-vec | fasttext-header-3-over-2.vec                 | the header declares 3 words, the file holds 2 vector lines",
        "word2vec     | word2vec-header-d3-over-4-values.txt         | line 2: expected 3 values after the word, found 4 (d = 3 in the header)",
        "glove        | glove-line-3-has-3-values.txt                | line 3: expected 2 values after the word, found 3 (d = 2 on line 1)",
        "glove        | glove-space-token-line-2.txt                 | line 2: empty word",
        "glove        | glove-nbsp-token-line-2.txt                  | line 2: the word is whitespace only",
        "glove        | glove-duplicate-line-3.txt                   | line 3: the word repeats the word of line 1",
        "word2vec-bin | word2vec-bin-bad-utf8-record-2.bin           | word record 2 of 3: not valid UTF-8",
        "word2vec-bin | word2vec-bin-empty-word-record-2.bin         | word record 2 of 2: empty word",
        "word2vec-bin | word2vec-bin-duplicate-record-3.bin          | word record 3 of 3: the word repeats the word of word record 1 of 3",
        "word2vec-bin | word2vec-bin-header-2-over-3.bin             | data after the last of the 2 word records the header declares",
        "word2vec-bin | word2vec-bin-header-4-over-3.bin             | truncated in word record 4 of 4",
        "word2vec-bin | word2vec-bin-header-d3-over-4-values.bin     | word record 2 of 2: not valid UTF-8",
        "wink-json    | wink-bad-utf8.json                           | not valid UTF-8 at line 1",
        "wink-json    | wink-empty-word.json                         | 'words' entry 1 (line 1): empty word",
        "wink-json    | wink-whitespace-word.json                    | 'words' entry 1 (line 1): the word is whitespace only",
        "wink-json    | wink-duplicate-word.json                     | 'words' entry 2 (line 1): the word repeats 'words' entry 0",
        "wink-json    | wink-vector-not-in-words.json                | 'vectors' entry at line 5: its word is not in 'words'",
        "wink-json    | wink-repeated-vector.json                    | 'vectors' entry at line 5: its word has a vector already",
        "wink-json    | wink-missing-vector.json                     | 'words' entry 2 has no vector",
        "wink-json    | wink-vector-of-3-values.json                 | 'vectors' entry at line 4: the vector has 5 numbers, expected 4 ('dimensions' + 2)",
      })
  void refusedNamingFileLineAndProblem(String format, String name, String problem)
      throws IOException {
    Path file = hostile(name, dir);
    EmbeddingImporter importer = EmbeddingFormat.fromCliName(format).importer();
    for (int maxWords : new int[] {Integer.MAX_VALUE, 1}) {
      assertThatThrownBy(() -> importer.read(file, maxWords))
          .as("%s with max words %d", name, maxWords)
          .isInstanceOf(StoreFormatException.class)
          .hasMessage(file + ": " + (problem.startsWith("the header") ? "truncated: " : "")
              + problem);
    }
  }

  @Test
  void theOldDefaultsStillImportAFileWithTrailingSpacesAndCrLf() throws IOException {
    Path file = dir.resolve("w2v.txt");
    Files.writeString(file, "2 2\r\nalpha 0.5 -1 \r\nbeta 2 3 \r\n");
    EmbeddingTable table = EmbeddingFormat.WORD2VEC.importer().read(file, Integer.MAX_VALUE);
    assertThat(table.words()).containsExactly("alpha", "beta");
    assertThat(table.vectors()).containsExactly(0.5f, -1f, 2f, 3f);
  }

  @Test
  void fastTextBinaryDictionaryEntriesAreCheckedByteForByte() throws IOException {
    byte[] model = Files.readAllBytes(FastTextFixtures.referenceModel(dir));
    List<int[]> entries = dictionaryEntries(model);
    assertThat(EmbeddingFormat.FASTTEXT_BIN.importer().read(write("ok.bin", model), 5).size())
        .isEqualTo(5);

    byte[] badUtf8 = model.clone();
    int[] e2 = entries.get(2);
    assertThat(e2[1]).isGreaterThanOrEqualTo(2);
    badUtf8[e2[0]] = (byte) 0xC3; // a lone lead byte before an ASCII byte
    assertRefused(write("bad-utf8.bin", badUtf8), "dictionary entry 2: not valid UTF-8");

    byte[] blank = model.clone();
    int[] e3 = entries.get(3);
    java.util.Arrays.fill(blank, e3[0], e3[0] + e3[1], (byte) ' ');
    assertRefused(write("blank.bin", blank), "dictionary entry 3: the word is whitespace only");

    int first = -1;
    int second = -1;
    for (int i = 1; i < entries.size() && second < 0; i++) {
      for (int j = 1; j < i; j++) {
        if (entries.get(j)[1] == entries.get(i)[1]) {
          first = j;
          second = i;
          break;
        }
      }
    }
    byte[] duplicate = model.clone();
    System.arraycopy(model, entries.get(first)[0], duplicate, entries.get(second)[0],
        entries.get(first)[1]);
    assertRefused(write("duplicate.bin", duplicate),
        "corrupted fastText model: dictionary entry " + second + " repeats entry " + first);
  }

  private Path write(String name, byte[] bytes) throws IOException {
    Path file = dir.resolve(name);
    Files.write(file, bytes);
    return file;
  }

  private static void assertRefused(Path file, String problem) {
    assertThatThrownBy(() -> EmbeddingFormat.FASTTEXT_BIN.importer().read(file, Integer.MAX_VALUE))
        .isInstanceOf(StoreFormatException.class)
        .hasMessage(file + ": " + problem);
  }

  /**
   * Offsets and byte lengths of the dictionary entries of a fastText 0.9.2 {@code .bin}: after
   * the magic and version (8 bytes), 12 int32 arguments and a float64 (56 bytes), the dictionary
   * header (size, nwords, nlabels: int32; ntokens, pruneidx size: int64), each entry is the word's
   * bytes, a NUL, an int64 count and a type byte.
   */
  private static List<int[]> dictionaryEntries(byte[] model) {
    ByteBuffer b = ByteBuffer.wrap(model).order(ByteOrder.LITTLE_ENDIAN);
    int size = b.getInt(64);
    int position = 64 + 4 + 4 + 4 + 8 + 8;
    List<int[]> out = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      int start = position;
      while (model[position] != 0) {
        position++;
      }
      out.add(new int[] {start, position - start});
      position += 1 + 8 + 1;
    }
    return out;
  }
}
