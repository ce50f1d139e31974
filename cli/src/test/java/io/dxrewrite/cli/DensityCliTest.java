package io.dxrewrite.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The density-calibration surface of the CLI, on the embedded GloVe subset. */
class DensityCliTest {
  private static final Path TEXT = Path.of("..", "examples", "amazon-sentences.txt");

  @TempDir Path dir;

  @Test
  void everyMechanismRewritesTheSampleAndKeepsTheLineCount() throws IOException {
    Path in = dir.resolve("in.txt");
    Files.write(in, Files.readAllLines(TEXT).subList(0, 50));
    String[][] runs = {
      {"--mechanism", "mahalanobis", "--epsilon", "10", "--lambda", "0.3"},
      {"--mechanism", "vickrey", "--epsilon", "10", "--t", "0.6"},
    };
    for (String[] args : runs) {
      Path out = dir.resolve(args[1] + ".txt");
      String[] full = new String[args.length + 5];
      full[0] = "rewrite";
      System.arraycopy(args, 0, full, 1, args.length);
      full[args.length + 1] = "--input";
      full[args.length + 2] = in.toString();
      full[args.length + 3] = "--output";
      full[args.length + 4] = out.toString();
      CliRun run = CliRun.of(full);
      assertThat(run.exitCode()).as(args[1] + ": " + run.err()).isZero();
      List<String> lines = Files.readAllLines(out);
      assertThat(lines).hasSize(50);
      assertThat(lines).isNotEqualTo(Files.readAllLines(in));
      assertThat(run.err()).contains("mechanism " + args[1]);
    }
  }

  @Test
  void withdrawnTruncatedGumbelIsAUsageErrorThatSaysWhy() {
    CliRun run =
        CliRun.of("rewrite", "--mechanism", "truncated-gumbel", "--epsilon", "1e6", "--input", TEXT.toString(),
            "--output", dir.resolve("o.txt").toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("'truncated-gumbel' was withdrawn").contains("not metric-DP")
        .doesNotContain("unknown mechanism");
    assertThat(CliRun.of("stats", "--mechanism", "truncated-gumbel", "--epsilons", "5").err())
        .contains("was withdrawn");
    assertThat(dir.resolve("o.txt")).doesNotExist();
  }

  @Test
  void parameterErrorsAreUsageErrors() {
    assertThat(CliRun.of("rewrite", "--mechanism", "mahalanobis", "--epsilon", "5", "--lambda", "1.5",
        "--input", TEXT.toString()).err()).contains("lambda must be in [0.0, 1.0]");
    assertThat(CliRun.of("rewrite", "--epsilon", "5", "--target-nw", "0.5", "--input", TEXT.toString()).exitCode())
        .isEqualTo(2);
    assertThat(CliRun.of("rewrite", "--input", TEXT.toString()).err())
        .contains("exactly one of --epsilon and --target-nw");
    assertThat(CliRun.of("stats", "--epsilons", "5,-1").exitCode()).isEqualTo(2);
  }

  @Test
  void statsPrintsATableAndWritesAPng() throws IOException {
    Path png = dir.resolve("nw.png");
    CliRun run =
        CliRun.of("stats", "--mechanism", "cmp", "--epsilons", "5,20", "--words", "30", "--trials", "20",
            "--plot", png.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("N_w median").contains("5.000").contains("20.00");
    byte[] bytes = Files.readAllBytes(png);
    assertThat(bytes).startsWith(0x89, 'P', 'N', 'G');
  }

  @Test
  void rewriteWithATargetNwRecordsBothValuesInTheReport() throws IOException {
    Path store = dir.resolve("copy.dxemb");
    Files.copy(io.dxrewrite.embeddings.DefaultEmbeddings.open().path(), store);
    Path in = dir.resolve("in.txt");
    Files.write(in, Files.readAllLines(TEXT).subList(0, 5));
    Path report = dir.resolve("r.jsonl");
    CliRun run =
        CliRun.of("rewrite", "--embeddings", store.toString(), "--target-nw", "0.5", "--words", "40",
            "--trials", "20", "--input", in.toString(), "--output", dir.resolve("o.txt").toString(),
            "--report", report.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err()).contains("target text N_w 0.5 -> epsilon").contains("vocabulary median N_w")
        .contains("40 Zipf-drawn words x 20 trials");
    String first = Files.readAllLines(report).get(0);
    assertThat(first).contains("\"target_nw\":0.5").containsPattern("\"epsilon_per_word\":[0-9.]+");
    CliRun calibrate =
        CliRun.of("calibrate", "--embeddings", store.toString(), "--target-nw", "0.5", "--words", "40",
            "--trials", "20");
    assertThat(calibrate.exitCode()).isZero();
    assertThat(calibrate.out()).contains("cmp: epsilon").contains("for text N_w 0.500")
        .contains("95% interval").contains("vocabulary median N_w");
  }

  /** Issue 14, items 9 and 10: --help states measured name survival and what the target means. */
  @Test
  void helpStatesMeasuredNameSurvivalAndTheTextTarget() {
    CliRun rewrite = CliRun.of("rewrite", "--help");
    assertThat(rewrite.exitCode()).isZero();
    assertThat(rewrite.out()).contains("Names are not hidden").contains("scripts/name-survival.sh")
        .contains("typical text's words").contains("--words").contains("--sample-seed")
        .doesNotContain("useful values lie around 5-15");
    CliRun calibrate = CliRun.of("calibrate", "--help");
    assertThat(calibrate.out()).contains("Zipf").contains("vocabulary median N_w")
        .contains("Default: 4000");
  }
}
