package io.dxrewrite.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dxrewrite.rewrite.PrivacyReport;
import io.dxrewrite.server.api.ResultJson;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The CLI's {@code --report} lines and the API's reports emit the same fields, in the same order,
 * with the same values, for the same record: both must reproduce, character for character, the
 * hand-written report lines shared by every front end in rewrite-core's test resources
 * ({@code report-fixtures.jsonl}; Spark's {@code ReportColumnJsonTest} checks its column against
 * the same lines). The first line has every field of {@link PrivacyReport#FIELDS}; the second has
 * no {@code target_nw} (epsilon given directly), which every front end leaves out.
 */
class ReportSerialisationTest {
  static final Path FIXTURES =
      Path.of("..", "rewrite-core", "src", "test", "resources", "io", "dxrewrite", "rewrite",
          "report-fixtures.jsonl");

  private static final ObjectMapper JSON = new ObjectMapper();

  static List<String> fixtures() throws Exception {
    return Files.readAllLines(FIXTURES, StandardCharsets.UTF_8);
  }

  static PrivacyReport parse(String line) throws Exception {
    return PrivacyReport.fromFields(
        JSON.readValue(line, new TypeReference<LinkedHashMap<String, Object>>() {}));
  }

  @Test
  void theFixtureHasEveryFieldInOrder() throws Exception {
    LinkedHashMap<String, Object> full =
        JSON.readValue(fixtures().get(0), new TypeReference<LinkedHashMap<String, Object>>() {});
    assertThat(List.copyOf(full.keySet()))
        .isEqualTo(PrivacyReport.FIELDS.stream().map(PrivacyReport.Field::name).toList());
  }

  @Test
  void cliReportLineIsTheSharedLine() throws Exception {
    for (String line : fixtures()) {
      String cli = RecordPipeline.reportJson(7, parse(line));
      assertThat(cli).isEqualTo("{\"line\":7," + line.substring(1));
    }
  }

  @Test
  void apiReportIsTheSharedLine() throws Exception {
    for (String line : fixtures()) {
      assertThat(ResultJson.report(parse(line)).encode()).isEqualTo(line);
    }
  }
}
