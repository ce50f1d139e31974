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
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** End to end on the real sample corpus in examples/, through the picocli entry point. */
class RewriteCliTest {
  private static final Path TEXT = Path.of("..", "examples", "amazon-sentences.txt");
  private static final Path JSONL = Path.of("..", "examples", "amazon-sentences.jsonl");
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  @Test
  void textKeepsTheLineCountAndChangesWords() throws IOException {
    Path out = dir.resolve("out.txt");
    CliRun run =
        CliRun.of("rewrite", "--epsilon", "10", "--input", TEXT.toString(), "--output", out.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    List<String> in = Files.readAllLines(TEXT);
    List<String> rewritten = Files.readAllLines(out);
    assertThat(rewritten).hasSameSizeAs(in);
    long changed = 0;
    for (int i = 0; i < in.size(); i++) {
      if (!in.get(i).equals(rewritten.get(i))) {
        changed++;
      }
    }
    assertThat(changed).isGreaterThan(900);
    assertThat(run.err()).contains("1000 records").contains("SecureRandom");
  }

  @Test
  void jsonlKeepsLabelsIdsAndFieldOrder() throws IOException {
    Path out = dir.resolve("out.jsonl");
    CliRun run =
        CliRun.of(
            "rewrite", "--epsilon", "10", "--format", "jsonl", "--input", JSONL.toString(),
            "--output", out.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    List<String> in = Files.readAllLines(JSONL);
    List<String> rewritten = Files.readAllLines(out);
    assertThat(rewritten).hasSameSizeAs(in);
    for (int i = 0; i < in.size(); i++) {
      JsonNode a = JSON.readTree(in.get(i));
      JsonNode b = JSON.readTree(rewritten.get(i));
      assertThat(b.get("label")).isEqualTo(a.get("label"));
      assertThat(b.get("id")).isEqualTo(a.get("id"));
      List<String> names = new ArrayList<>();
      b.fieldNames().forEachRemaining(names::add);
      assertThat(names).containsExactly("id", "text", "label");
    }
  }

  @Test
  void jsonlKeepsTheDigitsOfOtherFieldsNumbers() throws IOException {
    Path in = dir.resolve("numbers.jsonl");
    Files.writeString(
        in,
        "{\"id\":12345678901234567890,\"text\":\"the price was fine\",\"price\":1.50,"
            + "\"rate\":0.1000,\"n\":-7,\"tiny\":1.0E-30,\"nested\":{\"w\":2.250}}\n");
    Path out = dir.resolve("numbers-out.jsonl");
    CliRun run =
        CliRun.of("rewrite", "--epsilon", "10", "--format", "jsonl", "--input", in.toString(),
            "--output", out.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    String line = Files.readAllLines(out).get(0);
    assertThat(line)
        .startsWith("{\"id\":12345678901234567890,\"text\":")
        .endsWith(",\"price\":1.50,\"rate\":0.1000,\"n\":-7,\"tiny\":1.0E-30,"
            + "\"nested\":{\"w\":2.250}}");
  }

  @Test
  void tsvRewritesOnlyTheNamedColumn() throws IOException {
    Path tsv = dir.resolve("in.tsv");
    Files.writeString(
        tsv, "id\treview\tlabel\n1\tThe battery life is great.\t1\n2\tIt broke after a week.\t0\n");
    Path out = dir.resolve("out.tsv");
    CliRun run =
        CliRun.of(
            "rewrite", "--epsilon", "0.5", "--seed", "1", "--format", "tsv", "--field", "review",
            "--input", tsv.toString(), "--output", out.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    List<String> lines = Files.readAllLines(out);
    assertThat(lines).hasSize(3);
    assertThat(lines.get(0)).isEqualTo("id\treview\tlabel");
    assertThat(lines.get(1)).startsWith("1\t").endsWith("\t1").isNotEqualTo("1\tThe battery life is great.\t1");
    assertThat(lines.get(2)).startsWith("2\t").endsWith("\t0");
  }

  @Test
  void crlfLineEndingsAndAMissingFinalNewlineSurvive() throws IOException {
    Path in = dir.resolve("crlf.txt");
    Files.writeString(in, "Good case.\r\nBad case.\r\nLast line");
    Path out = dir.resolve("crlf.out");
    CliRun run =
        CliRun.of("rewrite", "--epsilon", "1e6", "--input", in.toString(), "--output", out.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(Files.readString(out)).isEqualTo("Good case.\r\nBad case.\r\nLast line");
  }

  @Test
  void seededRunsRepeatAcrossBatchSizesAndUnseededRunsDiffer() throws IOException {
    Path a = dir.resolve("a.txt");
    Path b = dir.resolve("b.txt");
    Path c = dir.resolve("c.txt");
    Path d = dir.resolve("d.txt");
    String input = TEXT.toString();
    assertThat(CliRun.of("rewrite", "--epsilon", "10", "--seed", "42", "--input", input, "--output", a.toString()).exitCode()).isZero();
    CliRun seeded =
        CliRun.of("rewrite", "--epsilon", "10", "--seed", "42", "--batch-size", "7", "--input", input, "--output", b.toString());
    assertThat(seeded.exitCode()).isZero();
    assertThat(seeded.err()).contains("seeded run");
    assertThat(Files.readString(a)).isEqualTo(Files.readString(b));
    assertThat(CliRun.of("rewrite", "--epsilon", "10", "--input", input, "--output", c.toString()).exitCode()).isZero();
    assertThat(CliRun.of("rewrite", "--epsilon", "10", "--input", input, "--output", d.toString()).exitCode()).isZero();
    assertThat(Files.readString(c)).isNotEqualTo(Files.readString(d));
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "-1", "NaN", "Infinity", "abc", "1e309"})
  void badEpsilonExitsWithTwo(String epsilon) {
    CliRun run = CliRun.of("rewrite", "--epsilon", epsilon, "--input", TEXT.toString(), "--output", dir.resolve("x").toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).containsIgnoringCase("epsilon");
    assertThat(dir.resolve("x")).doesNotExist();
  }

  @Test
  void unknownMechanismExitsWithTwoListingTheAllowedOnes() {
    CliRun run = CliRun.of("rewrite", "--epsilon", "1", "--mechanism", "magic", "--input", TEXT.toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("allowed: cmp");
  }

  @Test
  void inputIsNeverOverwritten() throws IOException {
    Path in = dir.resolve("in.txt");
    Files.copy(TEXT, in);
    byte[] before = Files.readAllBytes(in);
    CliRun run = CliRun.of("rewrite", "--epsilon", "5", "--input", in.toString(), "--output", in.toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("must not be the input");
    CliRun viaDotDot =
        CliRun.of("rewrite", "--epsilon", "5", "--input", in.toString(), "--output", dir.resolve("sub/../in.txt").toString());
    assertThat(viaDotDot.exitCode()).isEqualTo(2);
    assertThat(Files.readAllBytes(in)).isEqualTo(before);
  }

  @Test
  void failureMidwayLeavesNoPartialOutputAndNeverEchoesRecordText() throws IOException {
    List<String> lines = new ArrayList<>(Files.readAllLines(JSONL));
    lines.set(700, "{\"id\": 701, \"text\": \"my PIN is SECRET-4711-TOKEN\", \"label\": ");
    Path in = dir.resolve("broken.jsonl");
    Files.write(in, lines);
    Path out = dir.resolve("out.jsonl");
    Files.writeString(out, "previous content\n");
    CliRun run =
        CliRun.of("rewrite", "--epsilon", "10", "--format", "jsonl", "--batch-size", "100",
            "--input", in.toString(), "--output", out.toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("line 701").doesNotContain("SECRET-4711-TOKEN").doesNotContain("PIN");
    assertThat(Files.readString(out)).isEqualTo("previous content\n");
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("broken.jsonl", "out.jsonl");
    }
  }

  @Test
  void missingJsonlFieldIsABadInputError() throws IOException {
    Path in = dir.resolve("nofield.jsonl");
    Files.writeString(in, "{\"body\": \"hello world\"}\n");
    CliRun run = CliRun.of("rewrite", "--epsilon", "3", "--format", "jsonl", "--input", in.toString(), "--output", dir.resolve("o").toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("line 1").contains("field 'text' is missing");
  }

  @Test
  void invalidUtf8IsABadInputError() throws IOException {
    Path in = dir.resolve("latin1.txt");
    Files.write(in, "caf\u00e9 ok\n".getBytes(StandardCharsets.ISO_8859_1));
    CliRun run = CliRun.of("rewrite", "--epsilon", "3", "--input", in.toString(), "--output", dir.resolve("o").toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("not valid UTF-8");
  }

  @Test
  void missingInputIsABadInputError() {
    CliRun run = CliRun.of("rewrite", "--epsilon", "3", "--input", dir.resolve("nope.txt").toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("does not exist");
  }

  @Test
  void reportFileHasOneReportPerRecord() throws IOException {
    Path out = dir.resolve("o.txt");
    Path report = dir.resolve("r.jsonl");
    CliRun run = CliRun.of("rewrite", "--epsilon", "4", "--oov", "keep", "--input", TEXT.toString(),
        "--output", out.toString(), "--report", report.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    List<String> reports = Files.readAllLines(report);
    assertThat(reports).hasSize(1000);
    JsonNode first = JSON.readTree(reports.get(0));
    assertThat(first.get("line").asInt()).isEqualTo(1);
    assertThat(first.get("oov_policy").asText()).isEqualTo("keep");
    assertThat(first.get("total_epsilon").asDouble())
        .isEqualTo(4.0 * first.get("words_perturbed").asInt());
  }

  @Test
  void reportEqualToOutputOrAFolderAsOutputIsRefused() throws IOException {
    Path out = dir.resolve("o.txt");
    CliRun same = CliRun.of("rewrite", "--epsilon", "5", "--input", TEXT.toString(), "--output",
        out.toString(), "--report", out.toString());
    assertThat(same.exitCode()).isEqualTo(2);
    assertThat(same.err()).contains("--report must differ from --output");
    CliRun folder = CliRun.of("rewrite", "--epsilon", "5", "--input", TEXT.toString(), "--output",
        dir.toString());
    assertThat(folder.exitCode()).isEqualTo(2);
    assertThat(folder.err()).contains("is a folder");
    CliRun store = CliRun.of("info", "--embeddings", dir.toString());
    assertThat(store.exitCode()).isEqualTo(2);
    assertThat(store.err()).contains("is a folder");
  }

  @Test
  void writtenOutputIsWorldReadableLikeAnyNewFile() throws IOException {
    Path out = dir.resolve("perm.txt");
    assertThat(CliRun.of("rewrite", "--epsilon", "5", "--input", TEXT.toString(), "--output",
        out.toString()).exitCode()).isZero();
    assertThat(java.nio.file.attribute.PosixFilePermissions.toString(
        Files.getPosixFilePermissions(out))).isEqualTo("rw-r--r--");
  }

  @Test
  void mechanismParametersThatDoNotApplyAreRefused() {
    CliRun run = CliRun.of("rewrite", "--epsilon", "5", "--lambda", "0.5", "--input", TEXT.toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--lambda applies to mahalanobis and vickrey only");
  }
}
