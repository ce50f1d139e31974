package io.dxrewrite.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dxrewrite.error.InvalidParameterException;
import io.dxrewrite.error.StoreFormatException;
import io.dxrewrite.rewrite.PrivacyReport;
import io.dxrewrite.rewrite.RewriteOptions;
import io.dxrewrite.rewrite.RewriteResult;
import io.dxrewrite.rewrite.Rewriter;
import io.dxrewrite.spark.LocalSpark.Example;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerTaskStart;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DxRewriteTest {
  private static SparkSession spark;
  private static List<Example> examples;
  private static Rewriter library;

  @BeforeAll
  static void start() {
    spark = LocalSpark.start("local[2]");
    examples = LocalSpark.examples();
    library = LocalSpark.libraryRewriter();
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  private static Dataset<Row> input() {
    return spark.read().json(LocalSpark.EXAMPLES.toString());
  }

  @Test
  void seededOutputEqualsTheLibrarysSeededOutputRowForRow() {
    Dataset<Row> in = input();
    assertThat(in.javaRDD().getNumPartitions()).as("the test must span several partitions").isGreaterThan(2);
    RewriteOptions options = RewriteOptions.builder().epsilon(10).seed(42).build();

    List<Row> rows = DxRewrite.rewrite(in, "text", options).collectAsList();

    // the library keyed by 0-based line number, as the CLI does
    List<String> texts = examples.stream().map(Example::text).toList();
    List<RewriteResult> expected = library.rewriteBatch(texts, options, 0);
    assertThat(rows).hasSize(examples.size());
    int changed = 0;
    for (int i = 0; i < rows.size(); i++) {
      Row row = rows.get(i);
      Example example = examples.get(i);
      assertThat(row.<Long>getAs("id")).isEqualTo(example.id());
      assertThat(row.<Long>getAs("label")).isEqualTo(example.label());
      assertThat(row.<String>getAs("text")).as("row %d", i).isEqualTo(expected.get(i).text());
      PrivacyReport report = ReportColumn.fromRow(row.getAs(ReportColumn.NAME));
      assertThat(report).isEqualTo(expected.get(i).report());
      if (!example.text().equals(row.getAs("text"))) {
        changed++;
      }
    }
    // at epsilon 10 about 44% of words change on this corpus, so most sentences do
    assertThat(changed).isGreaterThan(500);
    assertThat(rows.get(0).schema().fieldNames()).containsExactly("id", "label", "text", ReportColumn.NAME);
  }

  @Test
  void unseededRunsUseSecureRandomnessAndDiffer() {
    RewriteOptions options = RewriteOptions.builder().epsilon(10).build();
    Dataset<Row> in = input().limit(200);
    List<Row> a = DxRewrite.rewrite(in, "text", options).collectAsList();
    List<Row> b = DxRewrite.rewrite(in, "text", options).collectAsList();
    assertThat(a).hasSize(200);
    assertThat(texts(a)).isNotEqualTo(texts(b));
    assertThat(a).allSatisfy(row -> {
      PrivacyReport report = ReportColumn.fromRow(row.getAs(ReportColumn.NAME));
      assertThat(report.seeded()).isFalse();
      assertThat(report.epsilonPerWord()).isEqualTo(10.0);
    });
  }

  @Test
  void keyColumnMakesSeededOutputIndependentOfPartitioning() {
    RewriteOptions options = RewriteOptions.builder().epsilon(8).seed(7).build();
    DxRewrite byId = DxRewrite.defaults().withKeyColumn("id").withBatchSize(37);
    Comparator<Row> byIdOrder = Comparator.comparingLong(r -> r.<Long>getAs("id"));

    List<Row> original = new ArrayList<>(byId.apply(input(), "text", options).collectAsList());
    List<Row> shuffled = new ArrayList<>(byId.apply(input().repartition(3), "text", options).collectAsList());
    original.sort(byIdOrder);
    shuffled.sort(byIdOrder);
    assertThat(texts(shuffled)).isEqualTo(texts(original));

    long[] keys = examples.stream().mapToLong(Example::id).toArray();
    List<RewriteResult> expected =
        library.rewriteBatch(examples.stream().map(Example::text).toList(), options, keys);
    assertThat(texts(original)).isEqualTo(expected.stream().map(RewriteResult::text).toList());
  }

  @Test
  void identifiersArePlaceholdersByDefaultAndCountedInTheReportColumn() {
    StructType schema = new StructType().add("text", DataTypes.StringType, true);
    // made-up name and phone number
    Dataset<Row> in = spark.createDataFrame(
        List.of(RowFactory.create("Please call Alice Zyxwv at 555-123-4567 today.")), schema);
    Row row = DxRewrite.rewrite(in, "text", RewriteOptions.builder().epsilon(1e6).seed(1).build())
        .collectAsList().get(0);
    assertThat(row.<String>getAs("text")).isEqualTo("Please call <PERSON> at <PHONE> today.");
    PrivacyReport report = ReportColumn.fromRow(row.getAs(ReportColumn.NAME));
    assertThat(report.entityTreatment()).isEqualTo("placeholder");
    assertThat(report.entities()).isEqualTo(java.util.Map.of("PERSON", 1, "PHONE", 1));
    Row surrogate = DxRewrite.rewrite(in, "text", RewriteOptions.builder().epsilon(1e6).seed(1)
        .entities(io.dxrewrite.entity.EntityTreatment.SURROGATE).build()).collectAsList().get(0);
    assertThat(surrogate.<String>getAs("text"))
        .matches("Please call \\S+ \\S+ at \\d{3}-\\d{3}-\\d{4} today\\.")
        .doesNotContain("Zyxwv");
  }

  @Test
  void nullTextStaysNullAndSpendsNothing() {
    StructType schema =
        new StructType().add("text", DataTypes.StringType, true).add("label", DataTypes.IntegerType);
    Dataset<Row> in =
        spark.createDataFrame(
            List.of(RowFactory.create(null, 1), RowFactory.create("Great for the jawbone.", 2)), schema);
    List<Row> rows =
        DxRewrite.rewrite(in, "text", RewriteOptions.builder().epsilon(10).seed(1).build()).collectAsList();
    assertThat(rows.get(0).isNullAt(0)).isTrue();
    assertThat(rows.get(0).<Integer>getAs("label")).isEqualTo(1);
    PrivacyReport none = ReportColumn.fromRow(rows.get(0).getAs(ReportColumn.NAME));
    assertThat(none.words()).isZero();
    assertThat(none.totalEpsilon()).isZero();
    PrivacyReport four = ReportColumn.fromRow(rows.get(1).getAs(ReportColumn.NAME));
    assertThat(four.words()).isEqualTo(4);
    assertThat(four.totalEpsilon()).isEqualTo(40.0);
  }

  @Test
  void badColumnsAreRefusedWithTheColumnNames() {
    RewriteOptions options = RewriteOptions.builder().epsilon(10).build();
    assertThatThrownBy(() -> DxRewrite.rewrite(input(), "body", options))
        .isInstanceOf(InvalidParameterException.class)
        .hasMessage("text column 'body' not found; columns: id, label, text");
    assertThatThrownBy(() -> DxRewrite.rewrite(input(), "label", options))
        .isInstanceOf(InvalidParameterException.class)
        .hasMessage("text column 'label' must be a string column, got bigint");
    assertThatThrownBy(() -> DxRewrite.defaults().withKeyColumn("text").apply(input(), "text", options))
        .isInstanceOf(InvalidParameterException.class)
        .hasMessage("key column 'text' must be an integral column, got string");
  }

  @Test
  void missingStoreFailsBeforeAnyTaskRuns(@TempDir Path dir) throws Exception {
    Dataset<Row> in = input();
    in.schema(); // schema inference runs its own job before the one under test
    AtomicInteger jobs = new AtomicInteger();
    AtomicInteger tasks = new AtomicInteger();
    AtomicInteger sentinelSeen = new AtomicInteger();
    SparkListener listener =
        new SparkListener() {
          @Override
          public void onJobStart(SparkListenerJobStart start) {
            String group = start.properties().getProperty("spark.jobGroup.id");
            if ("sentinel".equals(group)) {
              sentinelSeen.incrementAndGet();
            } else {
              jobs.incrementAndGet();
            }
          }

          @Override
          public void onTaskStart(SparkListenerTaskStart start) {
            if (sentinelSeen.get() == 0) {
              tasks.incrementAndGet();
            }
          }
        };
    spark.sparkContext().addSparkListener(listener);
    try {
      Path missing = dir.resolve("no-such-store.dxemb");
      RewriteOptions options = RewriteOptions.builder().epsilon(10).seed(3).build();
      assertThatThrownBy(() -> DxRewrite.defaults().withEmbeddings(missing.toString()).apply(in, "text", options)
              .collectAsList())
          .isInstanceOf(StoreFormatException.class)
          .hasMessage(missing.toAbsolutePath() + ": no such file");

      // listener events arrive asynchronously but in order: once the sentinel job is seen,
      // every job and task started before it has been counted
      spark.sparkContext().setJobGroup("sentinel", "sentinel", false);
      spark.range(1).count();
      spark.sparkContext().clearJobGroup();
      long deadline = System.nanoTime() + 30_000_000_000L;
      while (sentinelSeen.get() == 0 && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertThat(sentinelSeen.get()).isPositive();
      assertThat(jobs.get()).isZero();
      assertThat(tasks.get()).isZero();
    } finally {
      spark.sparkContext().removeSparkListener(listener);
    }
  }

  private static List<String> texts(List<Row> rows) {
    return rows.stream().map(r -> r.<String>getAs("text")).toList();
  }
}
