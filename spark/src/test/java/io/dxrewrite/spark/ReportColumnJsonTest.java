package io.dxrewrite.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dxrewrite.rewrite.PrivacyReport;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Spark report column, written as JSON by Spark (as {@code RewriteJob --format jsonl} writes
 * it), is character for character the report line every front end emits for the same record:
 * the hand-written lines in rewrite-core's {@code report-fixtures.jsonl}, which the CLI's {@code
 * --report} and the API's {@code Report} must reproduce too (cli {@code ReportSerialisationTest}).
 * The struct's fields are in {@link PrivacyReport#FIELDS} order, and a report read back from a
 * row equals the one written.
 */
class ReportColumnJsonTest {
  private static final Path FIXTURES =
      Path.of("..", "rewrite-core", "src", "test", "resources", "io", "dxrewrite", "rewrite",
          "report-fixtures.jsonl");

  private static SparkSession spark;

  @BeforeAll
  static void start() {
    spark = LocalSpark.start("local[2]");
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  @Test
  void reportColumnJsonIsTheSharedLine() throws Exception {
    ObjectMapper json = new ObjectMapper();
    List<String> lines = Files.readAllLines(FIXTURES, StandardCharsets.UTF_8);
    assertThat(List.of(ReportColumn.TYPE.fieldNames()))
        .isEqualTo(PrivacyReport.FIELDS.stream().map(PrivacyReport.Field::name).toList());
    for (String line : lines) {
      PrivacyReport report = PrivacyReport.fromFields(
          json.readValue(line, new TypeReference<LinkedHashMap<String, Object>>() {}));
      Row row = ReportColumn.toRow(report);
      String written = spark.createDataFrame(List.of(row), ReportColumn.TYPE).toJSON().first();
      assertThat(written).isEqualTo(line);
      assertThat(ReportColumn.fromRow(row)).isEqualTo(report);
    }
  }
}
