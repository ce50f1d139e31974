package io.dxrewrite.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code rewrite --entities} and {@code --entity-list} (made-up personal details). */
class EntitiesCliTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String LINE = "Please call Alice Zyxwv at 555-123-4567 about the battery.\n";

  @TempDir Path dir;

  private CliRun rewrite(String... extra) throws IOException {
    Path in = dir.resolve("in.txt");
    Files.writeString(in, LINE);
    String[] base = {"rewrite", "--epsilon", "1e6", "--seed", "1", "--input", in.toString(),
        "--output", dir.resolve("out.txt").toString(), "--report", dir.resolve("r.jsonl").toString()};
    String[] args = java.util.Arrays.copyOf(base, base.length + extra.length);
    System.arraycopy(extra, 0, args, base.length, extra.length);
    return CliRun.of(args);
  }

  private JsonNode report() throws IOException {
    return JSON.readTree(Files.readAllLines(dir.resolve("r.jsonl")).get(0));
  }

  @Test
  void placeholdersByDefaultCountedInTheReport() throws IOException {
    CliRun run = rewrite();
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(Files.readString(dir.resolve("out.txt")))
        .isEqualTo("Please call <PERSON> at <PHONE> about the battery.\n");
    JsonNode r = report();
    assertThat(r.get("entity_treatment").asText()).isEqualTo("placeholder");
    assertThat(r.get("entities").get("PERSON").asInt()).isEqualTo(1);
    assertThat(r.get("entities").get("PHONE").asInt()).isEqualTo(1);
    assertThat(r.get("words").asInt()).isEqualTo(6);
    assertThat(run.err()).contains("entities placeholder (2 recognized)");
  }

  @Test
  void surrogatesKeepTheShape() throws IOException {
    CliRun run = rewrite("--entities", "surrogate");
    assertThat(run.exitCode()).as(run.err()).isZero();
    String out = Files.readString(dir.resolve("out.txt"));
    assertThat(out).matches("Please call \\S+ \\S+ at \\d{3}-\\d{3}-\\d{4} about the battery\\.\\n")
        .doesNotContain("Alice", "Zyxwv", "123-4567");
    assertThat(report().get("entity_treatment").asText()).isEqualTo("surrogate");
  }

  @Test
  void offIsAnExplicitChoiceThatIsReported() throws IOException {
    CliRun run = rewrite("--entities", "off");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err()).contains("--entities off");
    assertThat(report().get("entity_treatment").asText()).isEqualTo("off");
    assertThat(report().get("entities").size()).isZero();
  }

  @Test
  void aDenyListAddsTermsAndBadValuesExitTwo() throws IOException {
    Path list = dir.resolve("deny.txt");
    Files.writeString(list, "# made-up product code name\nNUMBER\tbattery\n");
    CliRun run = rewrite("--entity-list", list.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(Files.readString(dir.resolve("out.txt"))).contains("about the <NUMBER>.");

    CliRun bad = rewrite("--entities", "redact");
    assertThat(bad.exitCode()).isEqualTo(2);
    assertThat(bad.err()).contains("placeholder, surrogate, off");
    CliRun missing = rewrite("--entity-list", dir.resolve("nope.txt").toString());
    assertThat(missing.exitCode()).isEqualTo(2);
  }
}
