package io.dxrewrite.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.dxrewrite.progress.ProgressListener;
import io.dxrewrite.embeddings.DefaultEmbeddings;
import io.dxrewrite.embeddings.OutputVocabulary;
import io.dxrewrite.mechanism.MechanismContext;
import io.dxrewrite.embeddings.EmbeddingStore;
import io.dxrewrite.nn.Nd4jExactIndex;
import io.dxrewrite.rewrite.RewriteOptions;
import io.dxrewrite.rewrite.Rewriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --mechanism tem}, {@code --beta} and {@code --tem-cache-mb} on the command line. */
class TemCliTest {
  @TempDir Path dir;

  @Test
  void seededTemRewriteEqualsTheLibrarysAtEveryCacheSize() throws Exception {
    Path in = dir.resolve("in.txt");
    Files.write(in, List.of("the river flows past the old market", "the market is by the river"));
    EmbeddingStore store = DefaultEmbeddings.open();
    // the CLI's default output vocabulary is letters: the library reference uses the same one
    Rewriter library = new Rewriter(
        MechanismContext.of(store, new Nd4jExactIndex(store), ProgressListener.NONE)
            .restrictOutputs(OutputVocabulary.LETTERS, Nd4jExactIndex::new));
    RewriteOptions options =
        RewriteOptions.builder().mechanism("tem").epsilon(4).beta(0.01).seed(11).build();
    for (String cacheMb : new String[] {"0", "1", "256"}) {
      Path out = dir.resolve("out-" + cacheMb + ".txt");
      CliRun run = CliRun.of("rewrite", "--mechanism", "tem", "--epsilon", "4", "--beta", "0.01",
          "--seed", "11", "--tem-cache-mb", cacheMb, "--input", in.toString(), "--output",
          out.toString());
      assertThat(run.exitCode()).as(run.err()).isZero();
      List<String> lines = Files.readAllLines(out);
      assertThat(lines).hasSize(2);
      assertThat(lines.get(0)).isEqualTo(
          library.rewrite("the river flows past the old market", options).text());
    }
  }

  @Test
  void betaOutOfRangeOrForAnotherMechanismIsRefused() {
    CliRun wrongMechanism = CliRun.of("rewrite", "--epsilon", "5", "--beta", "0.1", "--input",
        "../examples/amazon-sentences.txt");
    assertThat(wrongMechanism.exitCode()).isEqualTo(2);
    assertThat(wrongMechanism.err()).contains("--beta applies to tem only");
    CliRun outOfRange = CliRun.of("rewrite", "--mechanism", "tem", "--epsilon", "5", "--beta",
        "1", "--input", "../examples/amazon-sentences.txt");
    assertThat(outOfRange.exitCode()).isEqualTo(2);
    assertThat(outOfRange.err()).contains("beta must be in (0, 1)");
    CliRun negativeCache = CliRun.of("rewrite", "--mechanism", "tem", "--epsilon", "5",
        "--tem-cache-mb", "-1", "--input", "../examples/amazon-sentences.txt");
    assertThat(negativeCache.exitCode()).isEqualTo(2);
  }
}
