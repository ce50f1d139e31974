package io.dxrewrite.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.dxrewrite.calibration.Calibration;
import io.dxrewrite.calibration.CalibrationCache;
import io.dxrewrite.calibration.EpsilonCalibrator;
import io.dxrewrite.progress.ProgressListener;
import io.dxrewrite.mechanism.MechanismParameters;
import io.dxrewrite.mechanism.spec.MechanismCatalogue;
import io.dxrewrite.mechanism.spec.ParameterSpec;
import io.dxrewrite.rewrite.PrivacyReport;
import io.dxrewrite.rewrite.RewriteOptions;
import io.dxrewrite.rewrite.RewriteResult;
import io.dxrewrite.spark.LocalSpark.Example;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code RewriteJob}'s mechanism options are the CLI's, from {@link MechanismCatalogue}: {@code
 * --lambda}, {@code --t}, {@code --beta} and {@code --target-nw} reach the mechanism, are checked
 * with the catalogue's messages, and are described with its ranges and defaults. Run in this JVM
 * on a local[2] session.
 */
class RewriteJobMechanismOptionsTest {
  private static SparkSession spark;
  @TempDir Path dir;

  @BeforeAll
  static void start() {
    spark = LocalSpark.start("local[2]");
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  private record Run(int code, String out, String err) {}

  private static synchronized Run job(String... args) {
    PrintStream originalOut = System.out;
    PrintStream originalErr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      int code = RewriteJob.run(args);
      return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(originalOut);
      System.setErr(originalErr);
    }
  }

  /** The first {@link #RECORDS} lines of the examples, as a JSONL input file. */
  private String smallInput() throws IOException {
    Path in = dir.resolve("in.jsonl");
    Files.write(in, Files.readAllLines(LocalSpark.EXAMPLES, StandardCharsets.UTF_8).subList(0, RECORDS),
        StandardCharsets.UTF_8);
    return in.toString();
  }

  private static final int RECORDS = 100;

  /** Rows of a written JSONL output in input order, checked against the library's results. */
  private static void assertSameAsLibrary(Path out, RewriteOptions options) {
    List<Row> rows = spark.read().json(out.toString()).orderBy("id").collectAsList();
    List<Example> examples = LocalSpark.examples().subList(0, RECORDS);
    List<RewriteResult> expected =
        LocalSpark.libraryRewriter()
            .rewriteBatch(examples.stream().map(Example::text).toList(), options, 0);
    assertThat(rows).hasSize(examples.size());
    for (int i = 0; i < rows.size(); i++) {
      Row row = rows.get(i);
      assertThat(row.<String>getAs("text")).as("row " + i).isEqualTo(expected.get(i).text());
      Row report = row.getAs(ReportColumn.NAME);
      PrivacyReport want = expected.get(i).report();
      assertThat(report.<String>getAs("mechanism")).isEqualTo(want.mechanism());
      assertThat(report.<Double>getAs("epsilon_per_word")).isEqualTo(want.epsilonPerWord());
      assertThat(report.<Double>getAs("euclidean_epsilon_per_word"))
          .isEqualTo(want.euclideanEpsilonPerWord());
      assertThat(report.<Double>getAs("total_epsilon")).isEqualTo(want.totalEpsilon());
    }
  }

  @Test
  void lambdaAndTReachTheVickreyMechanism() throws IOException {
    Path out = dir.resolve("vickrey");
    Run run = job("--input", smallInput(), "--output", out.toString(),
        "--epsilon", "10", "--mechanism", "vickrey", "--lambda", "0.1", "--t", "0.5", "--seed", "4");
    assertThat(run.code()).as(run.err()).isZero();
    RewriteOptions options = RewriteOptions.builder().mechanism("vickrey").epsilon(10)
        .lambda(0.1).t(0.5).seed(4).build();
    assertSameAsLibrary(out, options);
    // lambda > 0: Mahalanobis noise, charged at a larger Euclidean-equivalent epsilon than 10
    Row report = spark.read().json(out.toString()).first().getAs(ReportColumn.NAME);
    assertThat(report.<Double>getAs("euclidean_epsilon_per_word")).isGreaterThan(10.0);
  }

  @Test
  void targetNwIsCalibratedOnTheDriverAndReported() throws IOException {
    Path out = dir.resolve("target");
    // a small calibration sample (--words, as on the command line) keeps the test short
    Run run = job("--input", smallInput(), "--output", out.toString(),
        "--target-nw", "0.5", "--seed", "3", "--words", "300", "--sample-seed", "5");
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.err()).contains("target text N_w 0.5 -> epsilon");
    // the calibration the CLI would find for the same store, mechanism, target and sample
    Calibration calibration = CalibrationCache.calibrate(
        LocalSpark.libraryRewriter().context(), "cmp", MechanismParameters.DEFAULTS, 0.5,
        300, EpsilonCalibrator.DEFAULT_TRIALS, 5, ProgressListener.NONE);
    RewriteOptions options = RewriteOptions.builder().epsilon(calibration.epsilon())
        .targetNw(0.5).seed(3).build();
    assertSameAsLibrary(out, options);
    Row report = spark.read().json(out.toString()).first().getAs(ReportColumn.NAME);
    assertThat(report.<Double>getAs("target_nw")).isEqualTo(0.5);
  }

  @Test
  void parametersAreCheckedAsOnTheCommandLine() {
    String in = LocalSpark.EXAMPLES.toString();
    Run misapplied = job("--input", in, "--output", dir.resolve("a").toString(), "--epsilon", "5",
        "--lambda", "0.5");
    assertThat(misapplied.code()).isEqualTo(RewriteJob.EXIT_USAGE);
    assertThat(misapplied.err()).contains("--lambda applies to mahalanobis and vickrey only, not cmp");
    Run beta = job("--input", in, "--output", dir.resolve("b").toString(), "--epsilon", "5",
        "--beta", "0.1");
    assertThat(beta.code()).isEqualTo(RewriteJob.EXIT_USAGE);
    assertThat(beta.err()).contains("--beta applies to tem only, not cmp");
    Run t = job("--input", in, "--output", dir.resolve("c").toString(), "--epsilon", "5",
        "--mechanism", "vickrey", "--t", "2");
    assertThat(t.code()).isEqualTo(RewriteJob.EXIT_USAGE);
    assertThat(t.err()).contains("t must be in [0.0, 1.0], got 2.0");
    Run both = job("--input", in, "--output", dir.resolve("d").toString(), "--epsilon", "5",
        "--target-nw", "0.5");
    assertThat(both.code()).isEqualTo(RewriteJob.EXIT_USAGE);
    assertThat(both.err()).contains("give exactly one of --epsilon and --target-nw");
    Run target = job("--input", in, "--output", dir.resolve("e").toString(), "--target-nw", "1");
    assertThat(target.code()).isEqualTo(RewriteJob.EXIT_USAGE);
    Run withdrawn = job("--input", in, "--output", dir.resolve("f").toString(), "--epsilon", "5",
        "--mechanism", "truncated-gumbel");
    assertThat(withdrawn.code()).isEqualTo(RewriteJob.EXIT_USAGE);
    assertThat(withdrawn.err()).contains("was withdrawn");
    for (String name : List.of("a", "b", "c", "d", "e", "f")) {
      assertThat(dir.resolve(name)).doesNotExist();
    }
  }

  @Test
  void helpStatesTheCataloguesRangesAndDefaults() {
    Run help = job("--help");
    assertThat(help.code()).isZero();
    String text = help.out().replaceAll("\\s+", " ");
    for (ParameterSpec p : MechanismCatalogue.OWN_PARAMETERS) {
      assertThat(text).contains(p.help(MechanismCatalogue.names()).replaceAll("\\s+", " "));
    }
    assertThat(text).contains("Epsilon per word, in [1e-6, max].")
        .contains("a share P in (0, 1) of a typical text's words");
  }
}
