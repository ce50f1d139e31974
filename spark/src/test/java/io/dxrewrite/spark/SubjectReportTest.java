package io.dxrewrite.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dxrewrite.error.InvalidParameterException;
import io.dxrewrite.rewrite.CasingPolicy;
import io.dxrewrite.rewrite.OovPolicy;
import io.dxrewrite.rewrite.PrivacyReport;
import io.dxrewrite.rewrite.RewriteOptions;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Spark side of issue 14: the report column carries the shared fields (unprotected words,
 * guarantee, both epsilons, casing), casing is a Spark option, and per-subject totals add up.
 * Subject keys and texts are made up.
 */
class SubjectReportTest {
  private static SparkSession spark;

  @BeforeAll
  static void start() {
    spark = LocalSpark.start("local[2]");
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  private static Dataset<Row> input() {
    StructType schema =
        new StructType().add("user", DataTypes.StringType, true).add("text", DataTypes.StringType, true);
    return spark.createDataFrame(
        List.of(
            RowFactory.create("ann-417", "the cat sat"),
            RowFactory.create("bob-233", "Zqxjvw ran"),
            RowFactory.create("ann-417", "the cat sat on the mat")),
        schema);
  }

  @Test
  void reportColumnHasTheSharedFieldsAndSubjectsAddUp() {
    RewriteOptions options =
        RewriteOptions.builder().epsilon(2).seed(1).oovPolicy(OovPolicy.KEEP).build();
    Dataset<Row> out = DxRewrite.defaults().withSubjectColumn("user").apply(input(), "text", options);
    List<Row> rows = out.collectAsList();
    PrivacyReport bob = ReportColumn.fromRow(rows.get(1).getAs(ReportColumn.NAME));
    assertThat(bob.unprotectedWords()).isEqualTo(1);
    assertThat(bob.guarantee()).isEqualTo("none for 1 words");
    assertThat(bob.euclideanEpsilonPerWord()).isEqualTo(2.0);
    assertThat(bob.casing()).isEqualTo("structural");
    Row struct = rows.get(1).getAs(ReportColumn.NAME);
    assertThat(struct.<String>getAs("guarantee")).isEqualTo("none for 1 words");
    assertThat(List.of(ReportColumn.TYPE.fieldNames()))
        .isEqualTo(PrivacyReport.FIELDS.stream().map(PrivacyReport.Field::name).toList());

    Map<String, Double> totals =
        DxRewrite.subjectTotals(out, "user").collectAsList().stream()
            .collect(Collectors.toMap(r -> r.getString(0), r -> r.<Double>getAs("total_epsilon")));
    // ann: 3 + 6 perturbed words at 2 per word; bob: 1 perturbed word ("zqxjvw" is kept)
    assertThat(totals).containsExactlyInAnyOrderEntriesOf(Map.of("ann-417", 18.0, "bob-233", 2.0));
    assertThat(DxRewrite.subjectTotals(out, "user").columns())
        .containsExactly("user", "records", "total_epsilon", "unprotected_words");
  }

  @Test
  void casingKeepTravelsToTheExecutorsAndIsReportedAsReleased() {
    RewriteOptions keep =
        RewriteOptions.builder().epsilon(1e6).seed(1).casing(CasingPolicy.KEEP).build();
    Dataset<Row> in =
        spark.createDataFrame(
            List.<Row>of(RowFactory.create("Apple apple APPLE")),
            new StructType().add("text", DataTypes.StringType, true));
    Row kept = DxRewrite.rewrite(in, "text", keep).first();
    assertThat(kept.<String>getAs("text")).isEqualTo("Apple apple APPLE");
    assertThat(ReportColumn.fromRow(kept.getAs(ReportColumn.NAME)).casing()).isEqualTo("released");
    Row structural =
        DxRewrite.rewrite(in, "text", RewriteOptions.builder().epsilon(1e6).seed(1).build()).first();
    assertThat(structural.<String>getAs("text")).isEqualTo("Apple apple apple");
  }

  @Test
  void jobPrintsTheNumberOfSubjectsAndTheLargestTotal(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
    java.nio.file.Path out = dir.resolve("out");
    java.io.PrintStream original = System.err;
    java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
    System.setErr(new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8));
    int code;
    try {
      code = RewriteJob.run("--input", LocalSpark.EXAMPLES.toString(), "--output", out.toString(),
          "--epsilon", "3", "--subject-column", "label", "--casing", "keep",
          // entities off: the expected totals count every token the plain tokenizer calls a word
          // (with the entity layer on, numbers of 3+ digits would be <NUMBER>s, charged 0)
          "--entities", "off");
    } finally {
      System.setErr(original);
    }
    String stderr = err.toString(java.nio.charset.StandardCharsets.UTF_8);
    assertThat(code).as(stderr).isZero();
    // the examples' labels are 0 and 1: two subjects; every word is perturbed under oov unk, so a
    // label's total is 3 x its rows' word count (counted here by the tokenizer, not the job)
    io.dxrewrite.text.Tokenizer tokenizer = new io.dxrewrite.text.Tokenizer();
    Map<Long, Long> words =
        LocalSpark.examples().stream()
            .collect(Collectors.groupingBy(
                LocalSpark.Example::label,
                Collectors.summingLong(
                    e -> tokenizer.tokenize(e.text()).stream().filter(t -> t.word()).count())));
    double largest = 3.0 * java.util.Collections.max(words.values());
    assertThat(stderr).contains("2 subjects; largest per-subject total epsilon " + largest);
    Row first = spark.read().json(out.toString()).first();
    assertThat(first.<Row>getAs(ReportColumn.NAME).<String>getAs("casing")).isEqualTo("released");
  }

  @Test
  void aMissingSubjectColumnIsRefusedUpFront() {
    assertThatThrownBy(
            () ->
                DxRewrite.defaults()
                    .withSubjectColumn("person")
                    .apply(input(), "text", RewriteOptions.builder().epsilon(1).build()))
        .isInstanceOf(InvalidParameterException.class)
        .hasMessageContaining("subject column 'person' not found");
  }
}
