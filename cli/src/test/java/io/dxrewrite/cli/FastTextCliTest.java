package io.dxrewrite.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.dxrewrite.embeddings.fasttext.FastTextFixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** fastText through the CLI, on the real model the build trains (skipgram on WordNet glosses). */
class FastTextCliTest {
  @TempDir Path dir;

  private Path input(String text) throws IOException {
    Path in = dir.resolve("in-" + System.nanoTime() + ".txt");
    Files.writeString(in, text);
    return in;
  }

  @Test
  void importedStoreWithSubwordsEqualsTheModelAsEmbeddings() throws IOException {
    Path model = FastTextFixtures.wordNetModel();
    Path store = dir.resolve("wordnet.dxemb");
    CliRun imported =
        CliRun.of("import-embeddings", "--format", "fasttext-bin", model.toString(), "--output",
            store.toString());
    assertThat(imported.exitCode()).as(imported.err()).isZero();
    CliRun info = CliRun.of("info", "--embeddings", store.toString());
    assertThat(info.out()).contains("dimension:  24");

    Path in = input("Flowerz of the mountainsides, code 80417.\n");
    Path report = dir.resolve("report.jsonl");
    CliRun fromModel =
        // entities off: the number is an OOV word here, to show it takes the public point
        CliRun.of("rewrite", "--embeddings", model.toString(), "--epsilon", "20", "--seed", "9",
            "--entities", "off", "--input", in.toString(), "--report", report.toString());
    assertThat(fromModel.exitCode()).as(fromModel.err()).isZero();
    assertThat(Files.readString(report))
        .contains("\"oov_policy\":\"subword\"")
        .contains("\"oov_words\":3")
        .contains("\"oov_subword\":2");
    assertThat(fromModel.err()).contains("3 out of vocabulary, 2 of them from subword vectors");

    CliRun fromStore =
        CliRun.of("rewrite", "--embeddings", store.toString(), "--subwords", model.toString(),
            "--epsilon", "20", "--seed", "9", "--entities", "off", "--input", in.toString());
    assertThat(fromStore.exitCode()).as(fromStore.err()).isZero();
    assertThat(fromStore.out()).isEqualTo(fromModel.out());

    CliRun unk =
        CliRun.of("rewrite", "--embeddings", model.toString(), "--oov", "unk", "--epsilon", "20",
            "--seed", "9", "--input", in.toString(), "--report", report.toString());
    assertThat(unk.exitCode()).as(unk.err()).isZero();
    assertThat(Files.readString(report)).contains("\"oov_policy\":\"unk\"").contains("\"oov_subword\":0");
  }

  @Test
  void subwordsOfAnotherEmbeddingAreRefused() throws IOException {
    CliRun run =
        CliRun.of("rewrite", "--subwords", FastTextFixtures.wordNetModel().toString(), "--epsilon",
            "10", "--input", input("hello\n").toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("dimension 24").contains("fasttext-bin");
  }

  @Test
  void subwordPolicyWithoutAModelIsRefused() throws IOException {
    CliRun run = CliRun.of("rewrite", "--oov", "subword", "--epsilon", "10", "--input",
        input("hello\n").toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("needs a fastText model");
  }

  @Test
  void truncatedModelIsABadInputErrorNotACrash() throws IOException {
    byte[] bytes = Files.readAllBytes(FastTextFixtures.wordNetModel());
    Path cut = dir.resolve("cut.bin");
    Files.write(cut, Arrays.copyOf(bytes, bytes.length / 2));
    CliRun run =
        CliRun.of("import-embeddings", "--format", "fasttext-bin", cut.toString(), "--output",
            dir.resolve("s.dxemb").toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("truncated");
    CliRun rewrite =
        CliRun.of("rewrite", "--embeddings", cut.toString(), "--epsilon", "10", "--input",
            input("hello\n").toString());
    assertThat(rewrite.exitCode()).isEqualTo(2);
    assertThat(rewrite.err()).contains("truncated");
  }

  @Test
  void fastTextVecImports() {
    Path store = dir.resolve("vec.dxemb");
    CliRun run =
        CliRun.of("import-embeddings", "--format", "fasttext-vec",
            FastTextFixtures.wordNetVec().toString(), "--output", store.toString(), "--max-words",
            "500");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(CliRun.of("info", "--embeddings", store.toString()).out())
        .contains("vocabulary: 500 words");
  }
}
