package io.dxrewrite.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI's report states what it does not protect, charges in Euclidean units, never holds a
 * non-finite number, casing is structural by default, and records of one subject add up (issue 14,
 * items 2, 3, 4, 5, 7 and 8). Subject keys and record text are made up.
 */
class HonestReportCliTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  private Path write(String name, String content) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, content, StandardCharsets.UTF_8);
    return file;
  }

  @Test
  void reportHasUnprotectedWordsGuaranteeBothEpsilonsAndCasing() throws IOException {
    // "zqxjvw" is made-up, out of vocabulary
    Path in = write("in.txt", "the zqxjvw sat on the mat\nthe cat sat on the mat\n");
    Path report = dir.resolve("r.jsonl");
    CliRun run = CliRun.of("rewrite", "--epsilon", "4", "--oov", "keep", "--seed", "1",
        "--mechanism", "mahalanobis", "--lambda", "1",
        "--input", in.toString(), "--output", dir.resolve("o.txt").toString(),
        "--report", report.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    List<String> lines = Files.readAllLines(report);
    JsonNode first = JSON.readTree(lines.get(0));
    assertThat(first.get("unprotected_words").asInt()).isEqualTo(1);
    assertThat(first.get("guarantee").asText()).isEqualTo("none for 1 words");
    assertThat(first.get("casing").asText()).isEqualTo("structural");
    assertThat(first.get("epsilon_per_word").asDouble()).isEqualTo(4.0);
    double euclidean = first.get("euclidean_epsilon_per_word").asDouble();
    // the embedded store's smallest eigenvalue of the normalised covariance is about 0.072
    assertThat(euclidean).isBetween(4 / Math.sqrt(0.08), 4 / Math.sqrt(0.065));
    assertThat(first.get("total_epsilon").asDouble()).isEqualTo(euclidean * 5);
    JsonNode second = JSON.readTree(lines.get(1));
    assertThat(second.get("guarantee").asText()).isEqualTo("metric-dp");
    assertThat(run.err()).contains("guarantee: none for 1 words");
  }

  @Test
  void aTotalThatOverflowsIsRefusedStatingTheLimitAndNothingIsWritten() throws IOException {
    Path in = write("in.txt", "hello\nhello world\n");
    Path out = dir.resolve("o.txt");
    Path report = dir.resolve("r.jsonl");
    CliRun run = CliRun.of("rewrite", "--epsilon", "1.7e308", "--input", in.toString(),
        "--output", out.toString(), "--report", report.toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .contains("line 2:")
        .contains("not a finite number")
        .contains(String.valueOf(Double.MAX_VALUE))
        .doesNotContain("hello")
        .doesNotContain("Exception");
    assertThat(out).doesNotExist();
    assertThat(report).doesNotExist();
  }

  @Test
  void defaultCasingHidesTheInputCasingAndKeepReleasesIt() throws IOException {
    Path mixed = write("mixed.txt", "Apple apple APPLE\n");
    Path lower = write("lower.txt", "apple apple apple\n");
    assertThat(rewrite(mixed, "structural")).isEqualTo(rewrite(lower, "structural"))
        .isEqualTo("Apple apple apple\n");
    assertThat(rewrite(mixed, "keep")).isEqualTo("Apple apple APPLE\n");
    CliRun bad = CliRun.of("rewrite", "--epsilon", "1", "--casing", "title", "--input", mixed.toString());
    assertThat(bad.exitCode()).isEqualTo(2);
    assertThat(bad.err()).contains("structural, keep");
  }

  /** Rewrites at epsilon 1e6 (every word comes back itself) and returns the output file. */
  private String rewrite(Path in, String casing) throws IOException {
    Path out = dir.resolve(in.getFileName() + "." + casing + ".out");
    CliRun run = CliRun.of("rewrite", "--epsilon", "1e6", "--seed", "3", "--casing", casing,
        "--input", in.toString(), "--output", out.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err()).contains("casing " + (casing.equals("keep") ? "released" : "structural"));
    return Files.readString(out);
  }

  @Test
  void subjectTotalsAddUpAndTheBudgetRefusesNamingTheLineNeverTheKey() throws IOException {
    Path in = write("in.jsonl",
        "{\"user\":\"ann-417\",\"text\":\"the cat sat\"}\n"
            + "{\"user\":\"bob-233\",\"text\":\"a dog ran\"}\n"
            + "{\"user\":\"ann-417\",\"text\":\"the cat sat on the mat\"}\n");
    Path report = dir.resolve("r.jsonl");
    CliRun run = CliRun.of("rewrite", "--epsilon", "2", "--format", "jsonl",
        "--subject-field", "user", "--input", in.toString(),
        "--output", dir.resolve("o.jsonl").toString(), "--report", report.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    // ann: 3 + 6 words at 2 per word = 18; bob: 3 words = 6
    assertThat(run.err()).contains("2 subjects; largest per-subject total epsilon 18.0");
    assertThat(Files.readString(report)).doesNotContain("ann-417").doesNotContain("bob-233");

    Path out = dir.resolve("budget.jsonl");
    CliRun refused = CliRun.of("rewrite", "--epsilon", "2", "--format", "jsonl",
        "--subject-field", "user", "--subject-budget", "10", "--input", in.toString(),
        "--output", out.toString());
    assertThat(refused.exitCode()).isEqualTo(2);
    assertThat(refused.err())
        .contains("line 3: refused")
        .contains("--subject-budget 10.0")
        .doesNotContain("ann-417");
    assertThat(out).doesNotExist();

    CliRun fits = CliRun.of("rewrite", "--epsilon", "2", "--format", "jsonl",
        "--subject-field", "user", "--subject-budget", "18", "--input", in.toString(),
        "--output", out.toString());
    assertThat(fits.exitCode()).as(fits.err()).isZero();
  }

  @Test
  void subjectColumnInTsvAndMisuseIsRefused() throws IOException {
    Path tsv = write("in.tsv", "id\ttext\n7\tthe cat sat\n7\tthe dog ran\n8\thello\n");
    CliRun run = CliRun.of("rewrite", "--epsilon", "1", "--format", "tsv",
        "--subject-field", "id", "--input", tsv.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err()).contains("2 subjects; largest per-subject total epsilon 6.0");
    Path missing = write("m.jsonl", "{\"text\":\"the cat\"}\n");
    CliRun noSubject = CliRun.of("rewrite", "--epsilon", "1", "--format", "jsonl",
        "--subject-field", "user", "--input", missing.toString());
    assertThat(noSubject.exitCode()).isEqualTo(2);
    assertThat(noSubject.err()).contains("line 1: subject field 'user' is missing");
    CliRun text = CliRun.of("rewrite", "--epsilon", "1", "--subject-field", "user",
        "--input", missing.toString());
    assertThat(text.exitCode()).isEqualTo(2);
    assertThat(text.err()).contains("--subject-field applies to --format jsonl and tsv");
    // each record's total is finite, their sum for one subject is not: refused, budget or not
    Path huge = write("huge.jsonl", "{\"u\":1,\"text\":\"cat\"}\n{\"u\":1,\"text\":\"dog\"}\n");
    CliRun overflow = CliRun.of("rewrite", "--epsilon", "1e308", "--format", "jsonl",
        "--subject-field", "u", "--entities", "off", "--input", huge.toString());
    assertThat(overflow.exitCode()).as(overflow.err()).isEqualTo(2);
    assertThat(overflow.err()).contains("line 2: refused").contains("not a finite number")
        .doesNotContain("Infinity");
    CliRun budgetAlone = CliRun.of("rewrite", "--epsilon", "1", "--subject-budget", "3",
        "--input", missing.toString());
    assertThat(budgetAlone.exitCode()).isEqualTo(2);
    assertThat(budgetAlone.err()).contains("--subject-budget needs --subject-field");
  }

  @Test
  void helpStatesWhatTheGuaranteeCovers() {
    CliRun help = CliRun.of("rewrite", "--help");
    assertThat(help.exitCode()).isZero();
    String text = help.out().replaceAll("\\s+", " ");
    assertThat(text)
        .contains("What the guarantee covers")
        .contains("Always released: word count, word boundaries, punctuation, whitespace and line structure")
        .contains("mahalanobis: regularised Mahalanobis")
        .contains("records of one person add up")
        .contains("--subject-field")
        .contains("--casing");
  }
}
