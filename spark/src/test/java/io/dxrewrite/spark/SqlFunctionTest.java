package io.dxrewrite.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dxrewrite.rewrite.RewriteOptions;
import io.dxrewrite.rewrite.RewriteResult;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** dx_rewrite and dx_rewrite_text through spark.sql.extensions, in local[2]. */
class SqlFunctionTest {
  private static SparkSession spark;
  @TempDir Path dir;

  @BeforeAll
  static void start() {
    SparkSession.getActiveSession().foreach(s -> {
      s.stop();
      return null;
    });
    spark =
        SparkSession.builder()
            .master("local[2]")
            .appName("dx-rewrite-sql-test")
            .config("spark.ui.enabled", "false")
            .config("spark.driver.bindAddress", "127.0.0.1")
            .config("spark.driver.host", "127.0.0.1")
            .config("spark.sql.files.maxPartitionBytes", "16k")
            .config("spark.sql.files.openCostInBytes", "0")
            .config("spark.sql.extensions", "io.dxrewrite.spark.DxRewriteExtensions")
            .getOrCreate();
    spark.read().json(LocalSpark.EXAMPLES.toString()).createOrReplaceTempView("reviews");
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  @Test
  void bothFunctionsRewriteEveryRowWithTheLibrarysReport() {
    List<Row> rows =
        spark.sql(
                "SELECT id, dx_rewrite(text, 10.0) AS r,"
                    + " dx_rewrite_text(text, 10.0, 'cmp', map('oov', 'keep')) AS t FROM reviews")
            .collectAsList();
    assertThat(rows).hasSize(1000);
    Map<Long, String> texts =
        LocalSpark.examples().stream()
            .collect(Collectors.toMap(LocalSpark.Example::id, LocalSpark.Example::text));
    List<Long> ids = rows.stream().map(r -> r.<Long>getAs("id")).toList();
    assertThat(ids).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(texts.keySet());

    List<RewriteResult> library =
        LocalSpark.libraryRewriter()
            .rewriteBatch(ids.stream().map(texts::get).toList(), RewriteOptions.builder().epsilon(10).build());
    int changed = 0;
    for (int i = 0; i < rows.size(); i++) {
      Row struct = rows.get(i).getAs("r");
      assertThat(struct.schema().fieldNames()).containsExactly("text", ReportColumn.NAME);
      Row report = struct.getAs(ReportColumn.NAME);
      var want = library.get(i).report();
      assertThat(report.<String>getAs("mechanism")).isEqualTo("cmp");
      assertThat(report.<Double>getAs("epsilon_per_word")).isEqualTo(10.0);
      assertThat(report.<Integer>getAs("words")).isEqualTo(want.words());
      assertThat(report.<Integer>getAs("words_perturbed")).isEqualTo(want.wordsPerturbed());
      assertThat(report.<Double>getAs("total_epsilon")).isEqualTo(want.totalEpsilon());
      assertThat(report.<Boolean>getAs("seeded")).isFalse();
      assertThat(rows.get(i).<String>getAs("t")).isNotNull();
      if (!struct.<String>getAs("text").equalsIgnoreCase(texts.get(ids.get(i)))) {
        changed++;
      }
    }
    assertThat(changed).as("epsilon 10 changes words in most records").isGreaterThan(500);
  }

  @Test
  void aNullTextGivesNull() {
    Row row =
        spark.sql(
                "SELECT dx_rewrite(CAST(NULL AS STRING), 10.0) IS NULL, dx_rewrite_text(NULL, 10.0) IS NULL,"
                    + " dx_rewrite_text(t, 10.0) FROM VALUES (CAST(NULL AS STRING)) AS v(t)")
            .first();
    assertThat(row.getBoolean(0)).isTrue();
    assertThat(row.getBoolean(1)).isTrue();
    assertThat(row.isNullAt(2)).isTrue();
  }

  @Test
  void badArgumentsFailAnalysisWithTheJobsCommandLineMessages() {
    Function<String, Throwable> analyse = sql -> {
      try {
        spark.sql(sql);
        return null;
      } catch (Exception e) {
        return e;
      }
    };
    assertThat(analyse.apply("SELECT dx_rewrite(text, -1.0) FROM reviews"))
        .isInstanceOf(AnalysisException.class)
        .hasMessageContaining("epsilon must be a finite number > 0")
        .hasMessageContaining(commandLineError("--epsilon", "-1.0"));
    assertThat(analyse.apply("SELECT dx_rewrite_text(text, 10.0, 'no-such-mechanism') FROM reviews"))
        .isInstanceOf(AnalysisException.class)
        .hasMessageContaining("unknown mechanism 'no-such-mechanism'")
        .hasMessageContaining(commandLineError("--mechanism", "no-such-mechanism"));
    assertThat(analyse.apply("SELECT dx_rewrite(text, CAST(id AS DOUBLE)) FROM reviews"))
        .isInstanceOf(AnalysisException.class)
        .hasMessageContaining("epsilon must be a literal number");
    assertThat(analyse.apply("SELECT dx_rewrite(text, 10.0, 'cmp', map('colour', 'red')) FROM reviews"))
        .isInstanceOf(AnalysisException.class)
        .hasMessageContaining("unknown option 'colour'");
    assertThat(analyse.apply("SELECT dx_rewrite(text) FROM reviews"))
        .isInstanceOf(AnalysisException.class)
        .hasMessageContaining("got 1 arguments");
    assertThat(analyse.apply("SELECT dx_rewrite(id, 10.0) FROM reviews"))
        .isInstanceOf(AnalysisException.class)
        .hasMessageContaining("text must be a string column");
  }

  @Test
  void aMissingStoreFailsAnalysisNamingTheFile() {
    Path missing = dir.resolve("missing.dxemb");
    spark.conf().set(DxRewriteExtensions.EMBEDDINGS_CONF, missing.toString());
    try {
      assertThatThrownBy(() -> spark.sql("SELECT dx_rewrite_text(text, 10.0) FROM reviews"))
          .isInstanceOf(AnalysisException.class)
          .hasMessageContaining(missing.toAbsolutePath() + ": no such file");
    } finally {
      spark.conf().unset(DxRewriteExtensions.EMBEDDINGS_CONF);
    }
  }

  /** The message RewriteJob (the Spark module's command line) prints for one bad option. */
  private String commandLineError(String option, String value) {
    PrintStream original = System.err;
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      List<String> args =
          new java.util.ArrayList<>(List.of("--input", LocalSpark.EXAMPLES.toString(), "--output", dir.resolve("o").toString()));
      if (!option.equals("--epsilon")) {
        args.addAll(List.of("--epsilon", "10"));
      }
      args.add(option + "=" + value);
      int code = RewriteJob.run(args.toArray(String[]::new));
      assertThat(code).isEqualTo(RewriteJob.EXIT_USAGE);
    } finally {
      System.setErr(original);
    }
    String line = err.toString(StandardCharsets.UTF_8).lines()
        .filter(l -> l.startsWith("dx-rewrite: error: ")).findFirst().orElseThrow();
    return line.substring("dx-rewrite: error: ".length());
  }
}
