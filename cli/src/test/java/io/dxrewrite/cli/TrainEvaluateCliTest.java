package io.dxrewrite.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code train} and {@code evaluate} end to end on the 1,000 real labelled Amazon sentences in
 * examples/, given a split field (every fifth record is test) as scripts/make-amazon-sentences.sh
 * does.
 */
class TrainEvaluateCliTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir static Path dir;
  private static Path data;

  @BeforeAll
  static void withSplit() throws IOException {
    List<String> out = new ArrayList<>();
    int i = 0;
    for (String line : Files.readAllLines(
        Path.of("..", "examples", "amazon-sentences.jsonl"), StandardCharsets.UTF_8)) {
      JsonNode node = JSON.readTree(line);
      ((com.fasterxml.jackson.databind.node.ObjectNode) node)
          .put("split", ++i % 5 == 0 ? "test" : "train");
      out.add(JSON.writeValueAsString(node));
    }
    data = dir.resolve("amazon.jsonl");
    Files.write(data, out, StandardCharsets.UTF_8);
  }

  @Test
  void trainsPrivatelyWritesMetricsAndModel() throws IOException {
    Path metrics = dir.resolve("dp-metrics.json");
    Path model = dir.resolve("model.json");
    CliRun run = CliRun.of("train", "--train", data.toString(), "--test", data.toString(),
        "--dp", "--target-epsilon", "3", "--epochs", "4", "--batch", "64", "--lr", "0.02",
        "--seed", "7", "--metrics", metrics.toString(), "--model-out", model.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err()).contains("epoch 4/4").contains("epsilon spent").contains("SEEDED")
        .doesNotContain("membership-inference AUC");
    // the results are the command's output: stdout, so that `train ... > results.txt` keeps them
    assertThat(run.out()).containsPattern("DP-SGD: sigma [0-9.]+, C [0-9.]+, q [0-9.]+, 52 steps:"
            + " epsilon [23]\\.[0-9]{4} at delta")
        .containsPattern("test accuracy [0-9.]+, membership-inference AUC [0-9.]+")
        .doesNotContain("epoch 4/4");
    JsonNode m = JSON.readTree(metrics.toFile());
    assertThat(m.get("train_records").asInt()).isEqualTo(800);
    assertThat(m.get("test_records").asInt()).isEqualTo(200);
    assertThat(m.get("epochs")).hasSize(4);
    assertThat(m.get("dp").get("epsilon").asDouble()).isBetween(2.99, 3.0);
    assertThat(m.get("dp").get("steps").asInt()).isEqualTo(4 * 13);
    assertThat(m.get("test_accuracy").asDouble()).isBetween(0.0, 1.0);
    assertThat(m.get("membership_inference_auc").asDouble()).isBetween(0.0, 1.0);
    assertThat(m.get("seeded").asBoolean()).isTrue();
    JsonNode saved = JSON.readTree(model.toFile());
    assertThat(saved.get("labels")).hasSize(2);
    assertThat(saved.get("w1")).hasSize(100 * 128);
  }

  @Test
  void badInputExitsWithUsageCodeWithoutEchoingText() throws IOException {
    Path bad = dir.resolve("bad.jsonl");
    Files.writeString(bad, "{\"text\":\"my card number\",\"split\":\"train\"}\n");
    CliRun run = CliRun.of("train", "--train", bad.toString(), "--test", data.toString(),
        "--metrics", dir.resolve("m.json").toString());
    assertThat(run.exitCode()).isEqualTo(DxRewriteCommand.EXIT_USAGE);
    assertThat(run.err()).contains("line 1").doesNotContain("card number");
    assertThat(dir.resolve("m.json")).doesNotExist();
  }

  @Test
  void evaluateRunsTheGridAndWritesResultsAndPlots() throws IOException {
    Path out = dir.resolve("eval");
    CliRun run = CliRun.of("evaluate", "--dataset", data.toString(), "--mechanisms", "none,cmp",
        "--rewrite-epsilons", "10,20", "--dp-epsilons", "8", "--delta", "1e-4", "--epochs", "2",
        "--dp-epochs", "2", "--seed", "3", "--out", out.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    String md = Files.readString(out.resolve("RESULTS.md"));
    assertThat(md).contains("| cmp | - | 10 | DP eps=8 |").contains("| none | - | - | non-private |")
        .contains("accuracy-vs-epsilon-cmp.png");
    JsonNode results = JSON.readTree(out.resolve("results.json").toFile());
    assertThat(results).hasSize((1 + 2) * 2);
    byte[] png = Files.readAllBytes(out.resolve("accuracy-vs-epsilon-cmp.png"));
    assertThat(png).startsWith(new byte[] {(byte) 0x89, 'P', 'N', 'G'});
  }

  /**
   * Mechanisms with incomparable epsilons side by side: the Mahalanobis epsilon for a text N_w
   * target is calibrated and recorded next to the target.
   */
  @Test
  void evaluateCalibratesTargetNwPerMechanism() throws IOException {
    Path out = dir.resolve("eval-nw");
    CliRun run = CliRun.of("evaluate", "--dataset", data.toString(), "--mechanisms",
        "none,mahalanobis", "--rewrite-target-nw", "0.3", "--dp-epsilons", "8", "--delta",
        "1e-4", "--epochs", "1", "--dp-epochs", "1", "--seed", "3", "--out", out.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    String md = Files.readString(out.resolve("RESULTS.md"));
    assertThat(md).containsPattern("\\| mahalanobis \\| 0\\.3 \\| [0-9.e+]+ \\| non-private \\|")
        .contains("accuracy-vs-target-nw-mahalanobis.png");
    JsonNode results = JSON.readTree(out.resolve("results.json").toFile());
    assertThat(results).hasSize(2 * 2);
    double epsilon = results.get(2).get("rewriteEpsilon").asDouble();
    assertThat(epsilon).isGreaterThan(1); // at epsilon 1 almost every GloVe word changes
  }

  /**
   * {@code evaluate --index} picks the kernel that runs (before, evaluate always built ND4J): the
   * searches are counted on the index the rewriter used, and it is the requested kind, built over
   * the default output vocabulary.
   */
  @Test
  void evaluateRunsTheRequestedIndex() {
    for (String kind : List.of("simd", "nd4j")) {
      CliRun run = CliRun.of("evaluate", "--dataset", data.toString(), "--mechanisms", "cmp",
          "--rewrite-epsilons", "10", "--dp-epsilons", "8", "--delta", "1e-4", "--epochs", "1",
          "--dp-epochs", "1", "--max-train", "200", "--max-test", "100", "--seed", "3",
          "--index", kind, "--out", dir.resolve("eval-" + kind).toString());
      assertThat(run.exitCode()).as(run.err()).isZero();
      String name = kind.equals("simd") ? "simd-java(" : "nd4j-gemm";
      assertThat(run.err())
          .containsPattern("evaluate: [1-9][0-9]* nearest-word searches on " + java.util.regex.Pattern.quote(name))
          .contains("output vocabulary letters");
    }
  }

  /**
   * {@code evaluate --entities} chooses how the rewritten training text treats identifiers (issue
   * 20's downstream measurement): the run states the treatment it used, and an unknown one is
   * refused with exit 2 before any training.
   */
  @Test
  void evaluateUsesTheChosenEntityTreatment() {
    for (String mode : List.of("off", "surrogate")) {
      CliRun run = CliRun.of("evaluate", "--dataset", data.toString(), "--mechanisms", "cmp",
          "--rewrite-epsilons", "10", "--dp-epsilons", "8", "--delta", "1e-4", "--epochs", "1",
          "--dp-epochs", "1", "--max-train", "200", "--max-test", "100", "--seed", "3",
          "--entities", mode, "--out", dir.resolve("eval-entities-" + mode).toString());
      assertThat(run.exitCode()).as(run.err()).isZero();
      assertThat(run.err()).contains("entities " + mode);
    }
    CliRun bad = CliRun.of("evaluate", "--dataset", data.toString(), "--mechanisms", "cmp",
        "--rewrite-epsilons", "10", "--entities", "hide", "--out", dir.resolve("bad").toString());
    assertThat(bad.exitCode()).isEqualTo(2);
  }
}
