package io.dxrewrite.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.dxrewrite.rewrite.PrivacyReport;
import io.dxrewrite.rewrite.RewriteOptions;
import io.dxrewrite.rewrite.RewriteResult;
import io.dxrewrite.spark.LocalSpark.Example;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The spark-submit entry point, run in this JVM on a local[2] session. */
class RewriteJobTest {
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

  /** Runs the job, capturing stderr. */
  private static Run job(String... args) {
    PrintStream original = System.err;
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      int code = RewriteJob.run(args);
      return new Run(code, err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setErr(original);
    }
  }

  record Run(int code, String stderr) {}

  @Test
  void jsonlJobKeepsRowsAndLabelsAndMatchesTheLibrary() {
    Path out = dir.resolve("out");
    Run run =
        job("--input", LocalSpark.EXAMPLES.toString(), "--output", out.toString(), "--format", "jsonl",
            "--field", "text", "--epsilon", "10", "--seed", "42", "--batch-size", "100");
    assertThat(run.code()).as(run.stderr()).isZero();
    assertThat(run.stderr()).contains("1000 records").contains("SEEDED");
    assertThat(out.resolve("_SUCCESS")).exists();

    List<Row> rows = spark.read().json(out.toString()).orderBy("id").collectAsList();
    List<Example> examples = LocalSpark.examples();
    List<RewriteResult> expected =
        LocalSpark.libraryRewriter()
            .rewriteBatch(
                examples.stream().map(Example::text).toList(),
                RewriteOptions.builder().epsilon(10).seed(42).build(),
                0);
    assertThat(rows).hasSize(1000);
    for (int i = 0; i < rows.size(); i++) {
      Row row = rows.get(i);
      assertThat(row.<Long>getAs("id")).isEqualTo(examples.get(i).id());
      assertThat(row.<Long>getAs("label")).isEqualTo(examples.get(i).label());
      assertThat(row.<String>getAs("text")).isEqualTo(expected.get(i).text());
      Row report = row.getAs(ReportColumn.NAME);
      PrivacyReport want = expected.get(i).report();
      assertThat(report.<Long>getAs("words_perturbed")).isEqualTo(want.wordsPerturbed());
      assertThat(report.<Double>getAs("total_epsilon")).isEqualTo(want.totalEpsilon());
      assertThat(report.<Boolean>getAs("seeded")).isTrue();
    }
  }

  @Test
  void parquetJobKeepsSchemaAndAppendsTheReportStruct() {
    Path parquet = dir.resolve("in.parquet");
    spark.read().json(LocalSpark.EXAMPLES.toString()).write().parquet(parquet.toString());
    Path out = dir.resolve("out.parquet");
    Run run =
        job("--input", parquet.toString(), "--output", out.toString(), "--format", "parquet",
            "--epsilon", "5", "--oov", "keep");
    assertThat(run.code()).as(run.stderr()).isZero();
    assertThat(run.stderr()).contains("SecureRandom");
    var result = spark.read().parquet(out.toString());
    assertThat(result.count()).isEqualTo(1000);
    assertThat(result.schema().fieldNames()).containsExactly("id", "label", "text", ReportColumn.NAME);
    assertThat(result.schema().apply(ReportColumn.NAME).dataType().simpleString())
        .isEqualTo(ReportColumn.TYPE.simpleString());
    Row first = result.orderBy("id").first();
    assertThat(first.<Long>getAs("label")).isZero();
    assertThat(ReportColumn.fromRow(first.getAs(ReportColumn.NAME)).oovPolicy()).isEqualTo("keep");
  }

  @Test
  void missingStoreFailsWithAClearMessageAndWritesNothing() {
    Path out = dir.resolve("out");
    Path missing = dir.resolve("missing.dxemb");
    Run run =
        job("--input", LocalSpark.EXAMPLES.toString(), "--output", out.toString(), "--epsilon", "10",
            "--embeddings", missing.toString());
    assertThat(run.code()).isEqualTo(RewriteJob.EXIT_USAGE);
    assertThat(run.stderr()).contains("dx-rewrite: error: " + missing.toAbsolutePath() + ": no such file");
    assertThat(out).doesNotExist();
  }

  @Test
  void badUsageAndExistingOutputAreRefused() throws Exception {
    assertThat(job("--input", "x", "--output", "y").code()).isEqualTo(RewriteJob.EXIT_USAGE);
    Run badEpsilon =
        job("--input", LocalSpark.EXAMPLES.toString(), "--output", dir.resolve("o").toString(), "--epsilon", "-1");
    assertThat(badEpsilon.code()).isEqualTo(RewriteJob.EXIT_USAGE);
    assertThat(badEpsilon.stderr()).contains("epsilon must be a finite number > 0");

    Path existing = Files.createDirectories(dir.resolve("existing"));
    Files.writeString(existing.resolve("keep.txt"), "precious");
    Run exists =
        job("--input", LocalSpark.EXAMPLES.toString(), "--output", existing.toString(), "--epsilon", "10");
    assertThat(exists.code()).isEqualTo(RewriteJob.EXIT_USAGE);
    assertThat(exists.stderr()).contains("already exists");
    assertThat(existing.resolve("keep.txt")).hasContent("precious");
  }

  @Test
  void jsonlColumnsKeepTheInputsKeyOrder() throws Exception {
    Path out = dir.resolve("ordered");
    Run run =
        job("--input", LocalSpark.EXAMPLES.toString(), "--output", out.toString(), "--epsilon", "10");
    assertThat(run.code()).as(run.stderr()).isZero();
    try (var parts = Files.list(out)) {
      Path part = parts.filter(p -> p.getFileName().toString().startsWith("part-")).sorted().findFirst().orElseThrow();
      String firstLine = Files.readAllLines(part).get(0);
      assertThat(JsonColumnOrder.keys(firstLine))
          .containsExactly("id", "text", "label", ReportColumn.NAME);
    }
  }

  @Test
  void modeOverwriteReplacesAnExistingOutputAndModeErrorKeepsIt() throws Exception {
    Path existing = Files.createDirectories(dir.resolve("existing"));
    Files.writeString(existing.resolve("old.txt"), "old");
    Run refused =
        job("--input", LocalSpark.EXAMPLES.toString(), "--output", existing.toString(), "--epsilon", "10",
            "--mode", "error");
    assertThat(refused.code()).isEqualTo(RewriteJob.EXIT_USAGE);
    assertThat(existing.resolve("old.txt")).exists();

    Run replaced =
        job("--input", LocalSpark.EXAMPLES.toString(), "--output", existing.toString(), "--epsilon", "10",
            "--mode", "overwrite");
    assertThat(replaced.code()).as(replaced.stderr()).isZero();
    assertThat(existing.resolve("old.txt")).doesNotExist();
    assertThat(existing.resolve("_SUCCESS")).exists();
    assertThat(spark.read().json(existing.toString()).count()).isEqualTo(1000);

    assertThat(job("--input", "x", "--output", "y", "--epsilon", "1", "--mode", "append").code())
        .isEqualTo(RewriteJob.EXIT_USAGE);
  }

  @Test
  void aFastTextModelIsAcceptedAsTheStoreAndItsVocabularyIsTheOutputVocabulary() throws Exception {
    Path model = io.dxrewrite.embeddings.fasttext.FastTextFixtures.referenceModel(dir);
    Path out = dir.resolve("fasttext");
    Run run =
        job("--input", LocalSpark.EXAMPLES.toString(), "--output", out.toString(), "--epsilon", "10",
            "--embeddings", model.toString(), "--output-vocabulary", "all", "--seed", "3");
    assertThat(run.code()).as(run.stderr()).isZero();
    List<Row> rows = spark.read().json(out.toString()).collectAsList();
    assertThat(rows).hasSize(1000);
    java.util.Set<String> vocabulary;
    try (var fastText = io.dxrewrite.embeddings.fasttext.FastTextModel.open(model)) {
      vocabulary = new java.util.HashSet<>(fastText.words());
    }
    long perturbed = 0;
    for (Row row : rows) {
      Row report = row.getAs(ReportColumn.NAME);
      perturbed += report.<Long>getAs("words_perturbed");
    }
    assertThat(perturbed).as("words of the model's vocabulary were perturbed").isPositive();
    // every output word that is not the OOV placeholder or punctuation comes from the model
    long fromModel = rows.stream()
        .flatMap(r -> java.util.Arrays.stream(r.<String>getAs("text").toLowerCase(java.util.Locale.ROOT).split("[^\\p{L}]+")))
        .filter(w -> !w.isEmpty())
        .filter(vocabulary::contains)
        .count();
    assertThat(fromModel).isPositive();
  }
}
