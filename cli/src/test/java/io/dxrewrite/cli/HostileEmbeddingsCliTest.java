package io.dxrewrite.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code import-embeddings} on a wrong embedding file (the committed hostile files of the
 * embedding-store tests, one per importer and kind of fault): exit 2, a message naming the file,
 * the line or record and the problem, no stack trace, and no store or temporary file written.
 */
class HostileEmbeddingsCliTest {
  @TempDir Path dir;

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "glove        | glove-bad-utf8-line-2501.txt         | line 2501: not valid UTF-8",
        "glove        | glove-space-token-line-2.txt         | line 2: empty word",
        "word2vec     | word2vec-header-3-over-4.txt         | line 5: more vector lines",
        "word2vec     | word2vec-header-d3-over-4-values.txt | line 2: expected 3 values after the word, found 4",
        "word2vec-bin | word2vec-bin-bad-utf8-record-2.bin   | word record 2 of 3: not valid UTF-8",
        "wink-json    | wink-duplicate-word.json             | 'words' entry 2 (line 1): the word repeats 'words' entry 0",
        "fasttext-vec | fasttext-header-3-over-2.vec         | the header declares 3 words, the file holds 2",
      })
  void exits2NamingFileLineAndProblemAndWritesNoStore(String format, String name, String problem)
      throws IOException {
    Path input = dir.resolve(name);
    try (InputStream in = getClass().getResourceAsStream("/importer/hostile/" + name)) {
      assertThat(in).as(name).isNotNull();
      Files.copy(in, input);
    }
    Path out = Files.createDirectories(dir.resolve("out"));
    Path store = out.resolve("store.dxemb");
    CliRun run = CliRun.of("import-embeddings", "--format", format, input.toString(), "--output",
        store.toString());
    assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
    assertThat(run.err()).contains(input.toString()).contains(problem).doesNotContain("Exception");
    try (Stream<Path> left = Files.list(out)) {
      assertThat(left).isEmpty();
    }
  }
}
