package io.dxrewrite.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dxrewrite.embeddings.EmbeddingStore;
import io.dxrewrite.embeddings.EmbeddingTable;
import io.dxrewrite.embeddings.StoreFixtures;
import io.dxrewrite.mechanism.Mechanism;
import io.dxrewrite.mechanism.MechanismContext;
import io.dxrewrite.mechanism.MultivariateLaplaceNoise;
import io.dxrewrite.mechanism.NearestWordSearch;
import io.dxrewrite.mechanism.WordBatch;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code dx-rewrite audit}: exit codes 0 / 3 / 2 and the JSON output. */
class AuditCliTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  @Test
  void shippedCmpPassesWithExitZeroAndJsonOutput() throws Exception {
    CliRun run =
        CliRun.of("audit", "--mechanism", "cmp", "--epsilon", "5", "--pairs", "5", "--samples", "500",
            "--seed", "3", "--json");
    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode report = JSON.readTree(run.out());
    assertThat(report.get("mechanism").asText()).isEqualTo("cmp");
    assertThat(report.get("mode").asText()).isEqualTo("sampling");
    assertThat(report.get("metric").asText()).startsWith("euclidean");
    assertThat(report.get("violated").asBoolean()).isFalse();
    assertThat(report.get("seeded").asBoolean()).isTrue();
    assertThat(report.get("confidence").asDouble()).isEqualTo(0.95);
    assertThat(report.get("tests").asLong())
        .isEqualTo(report.get("pairs_checked").asLong() * 2 * 20_000);
    assertThat(report.get("worst")).isNotEmpty();
    JsonNode first = report.get("worst").get(0);
    assertThat(first.get("claimed_bound").asDouble())
        .isCloseTo(5 * first.get("distance").asDouble(), org.assertj.core.data.Offset.offset(1e-9));
    assertThat(report.get("verdict").asText()).startsWith("PASS");
  }

  @Test
  void tableOutputEndsWithTheVerdict() {
    CliRun run =
        CliRun.of("audit", "--mechanism", "vickrey", "--epsilon", "5", "--pairs", "5", "--samples", "300",
            "--seed", "3");
    assertThat(run.exitCode()).as(run.err()).isZero();
    String[] lines = run.out().strip().split("\n");
    assertThat(lines[0]).contains("mechanism vickrey").contains("epsilon 5.0");
    assertThat(lines[1]).startsWith("claimed metric: euclidean");
    assertThat(lines[lines.length - 1]).startsWith("PASS: no violation found for vickrey");
  }

  /** A CMP whose noise is scaled by 1/(2 epsilon) while it claims epsilon: exit 3. */
  @Test
  void aBrokenMechanismExitsThree() {
    int n = 100;
    float[] x = new float[n * 2];
    for (int i = 0; i < n; i++) {
      x[2 * i] = i;
    }
    EmbeddingStore line =
        StoreFixtures.store(dir, new EmbeddingTable(StoreFixtures.words(n), x, 2, "line"));
    AuditCommand broken =
        new AuditCommand() {
          @Override
          Mechanism mechanism(MechanismContext context) {
            return new HalfNoiseCmp(context, epsilon);
          }
        };
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream old = System.out;
    int code;
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      code =
          new CommandLine(broken)
              .execute("--embeddings", line.path().toString(), "--epsilon", "1", "--pairs", "10",
                  "--samples", "20000", "--seed", "5");
    } finally {
      System.setOut(old);
    }
    String text = out.toString(StandardCharsets.UTF_8);
    assertThat(code).as(text).isEqualTo(AuditCommand.EXIT_VIOLATION);
    assertThat(text).contains("VIOLATION");
  }

  @Test
  void badUsageExitsTwo() {
    assertThat(CliRun.of("audit", "--mechanism", "cmp").exitCode()).isEqualTo(2); // no --epsilon
    assertThat(CliRun.of("audit", "--epsilon", "-1").exitCode()).isEqualTo(2);
    CliRun confidence = CliRun.of("audit", "--epsilon", "5", "--confidence", "1.5");
    assertThat(confidence.exitCode()).isEqualTo(2);
    assertThat(confidence.err()).contains("confidence must be in (0, 1)");
    CliRun withdrawn = CliRun.of("audit", "--mechanism", "truncated-gumbel", "--epsilon", "50");
    assertThat(withdrawn.exitCode()).isEqualTo(2);
    assertThat(withdrawn.err()).contains("was withdrawn");
  }

  private static final class HalfNoiseCmp implements Mechanism {
    private final NearestWordSearch search;
    private final MultivariateLaplaceNoise noise;
    private final double claimed;

    HalfNoiseCmp(MechanismContext context, double epsilon) {
      this.search = NearestWordSearch.of(context.index());
      this.noise = new MultivariateLaplaceNoise(context.store().dimension(), 2 * epsilon);
      this.claimed = epsilon;
    }

    @Override
    public String name() {
      return "cmp-half-noise";
    }

    @Override
    public double epsilon() {
      return claimed;
    }

    @Override
    public int[] perturb(WordBatch batch) {
      return search.nearest(noise.perturbAll(batch), batch.size(), batch.ids(), 1);
    }
  }
}
