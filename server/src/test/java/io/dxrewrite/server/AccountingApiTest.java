package io.dxrewrite.server;

import static io.dxrewrite.server.TestServers.ACME_KEY;
import static io.dxrewrite.server.TestServers.OPERATOR_KEY;
import static io.dxrewrite.server.TestServers.PEOPLE_KEY;
import static io.dxrewrite.server.TestServers.SECRET;
import static io.dxrewrite.server.TestServers.SUBJECT;
import static io.dxrewrite.server.TestServers.get;
import static io.dxrewrite.server.TestServers.post;
import static io.dxrewrite.server.TestServers.send;
import static org.assertj.core.api.Assertions.assertThat;

import io.dxrewrite.server.ledger.LedgerEntry;
import io.dxrewrite.server.ledger.PrivacyLedger;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Honest accounting over real HTTP (issue 14): seeds and {@code oov: keep} only when the operator
 * allows them, seeded records never sharing noise, non-finite totals refused, per-subject budgets,
 * the operator's budget and metrics endpoints. Two servers: {@code strict} with the defaults on a
 * non-loopback bind, {@code open} with {@code allow_seed}, {@code allow_oov_keep} and an operator
 * key.
 */
@Order(1)
class AccountingApiTest {
  /** A moderate epsilon: at 10 most words of the sentence change with some probability. */
  static final double EPSILON = 10;

  static final String SENTENCE = "the doctor said my sister has a rare illness and lives near the"
      + " old harbour";

  @TempDir static Path strictDir;
  @TempDir static Path openDir;
  static DxRewriteServer strict;
  static DxRewriteServer open;
  static HttpClient http;

  @BeforeAll
  static void start() throws Exception {
    // API keys are configured, so binding every interface is allowed; requests use 127.0.0.1.
    strict = DxRewriteServer.start(TestServers.config(strictDir, Map.of("host", "0.0.0.0")));
    open = DxRewriteServer.start(TestServers.config(openDir, Map.of("allow_seed", "true",
        "allow_oov_keep", "true", "operator_key", OPERATOR_KEY)));
    strict.loaded().await(120, TimeUnit.SECONDS);
    open.loaded().await(120, TimeUnit.SECONDS);
    http = TestServers.client();
  }

  @AfterAll
  static void stop() {
    strict.close();
    open.close();
  }

  static byte[] json(JsonObject o) {
    return o.encode().getBytes(StandardCharsets.UTF_8);
  }

  static HttpResponse<String> stream(int port, String query, String key, String body) {
    return send(http, HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + port + "/v1/rewrite/stream?" + query))
        .header("Authorization", "Bearer " + key)
        .POST(HttpRequest.BodyPublishers.ofString(body)).build());
  }

  static JsonObject error(HttpResponse<String> r) {
    return new JsonObject(r.body()).getJsonObject("error");
  }

  static double spent(DxRewriteServer server, String key) {
    return new JsonObject(send(http, get(server.port(), "/v1/budget", key)).body())
        .getDouble("spent");
  }

  @Test
  void seedAndOovKeepAreRefusedUnlessTheOperatorAllowsThem() {
    double before = spent(strict, ACME_KEY);
    HttpResponse<String> seeded = send(http, post(strict.port(), "/v1/rewrite", ACME_KEY,
        json(new JsonObject().put("text", SECRET).put("epsilon", EPSILON).put("seed", 5))));
    assertThat(seeded.statusCode()).isEqualTo(403);
    assertThat(error(seeded).getString("code")).isEqualTo("option_disabled");
    assertThat(error(seeded).getString("message")).contains("allow_seed=true")
        .contains("DX_REWRITE_ALLOW_SEED").contains("--allow-seed");

    HttpResponse<String> streamed = stream(strict.port(), "epsilon=10&seed=5", ACME_KEY,
        new JsonObject().put("text", SECRET).encode() + "\n");
    assertThat(streamed.statusCode()).isEqualTo(403);
    assertThat(error(streamed).getString("message")).contains("allow_seed=true");

    HttpResponse<String> keep = send(http, post(strict.port(), "/v1/rewrite", ACME_KEY,
        json(new JsonObject().put("text", SECRET).put("epsilon", EPSILON).put("oov", "keep"))));
    assertThat(keep.statusCode()).isEqualTo(403);
    assertThat(error(keep).getString("message")).contains("allow_oov_keep=true")
        .contains("DX_REWRITE_ALLOW_OOV_KEEP").contains("--allow-oov-keep");
    HttpResponse<String> keepStream = stream(strict.port(), "epsilon=10&oov=keep", ACME_KEY,
        new JsonObject().put("text", SECRET).encode() + "\n");
    assertThat(keepStream.statusCode()).isEqualTo(403);
    assertThat(spent(strict, ACME_KEY)).isEqualTo(before);

    HttpResponse<String> allowed = send(http, post(open.port(), "/v1/rewrite", ACME_KEY,
        json(new JsonObject().put("text", SECRET).put("epsilon", EPSILON).put("oov", "keep")
            .put("seed", 5))));
    assertThat(allowed.statusCode()).isEqualTo(200);
  }

  /**
   * Null hypothesis: the six lines draw independent noise. At epsilon 10 a 15-word sentence comes
   * back unchanged in whole with a small probability p, so six identical outputs would have
   * probability below p^5 if the noise were independent; with shared noise (one record key for
   * every line) they are identical with probability 1. Seed fixed (5), so the test is
   * deterministic.
   */
  @Test
  void seededStreamLinesDrawTheirOwnNoiseAndTheChargeIsMarkedSeeded() {
    StringBuilder in = new StringBuilder();
    for (int i = 0; i < 6; i++) {
      in.append(new JsonObject().put("text", SENTENCE).encode()).append('\n');
    }
    HttpResponse<String> r = stream(open.port(), "epsilon=10&seed=5", ACME_KEY, in.toString());
    assertThat(r.statusCode()).isEqualTo(200);
    Set<String> outputs = new HashSet<>();
    for (String line : r.body().lines().toList()) {
      JsonObject json = new JsonObject(line);
      assertThat(json.getJsonObject("report").getBoolean("seeded")).isTrue();
      outputs.add(json.getString("text"));
    }
    assertThat(outputs).as("distinct outputs of six seeded copies").hasSizeGreaterThan(1);

    // the same stream again gives the same outputs: the seed still makes runs reproducible
    HttpResponse<String> again = stream(open.port(), "epsilon=10&seed=5", ACME_KEY, in.toString());
    assertThat(again.body()).isEqualTo(r.body());

    HttpResponse<String> batch = send(http, post(open.port(), "/v1/rewrite", ACME_KEY,
        json(new JsonObject().put("texts", List.of(SENTENCE, SENTENCE, SENTENCE, SENTENCE,
            SENTENCE, SENTENCE)).put("epsilon", EPSILON).put("seed", 5))));
    Set<String> batchOutputs = new HashSet<>();
    for (Object o : new JsonObject(batch.body()).getJsonArray("results")) {
      batchOutputs.add(((JsonObject) o).getString("text"));
    }
    assertThat(batchOutputs).hasSizeGreaterThan(1);
  }

  @Test
  void aTotalEpsilonThatIsNotFiniteIsRefused422AndNothingIsCharged() {
    double before = spent(open, ACME_KEY);
    HttpResponse<String> r = send(http, post(open.port(), "/v1/rewrite", ACME_KEY,
        json(new JsonObject().put("text", "two Zorblaxquen").put("epsilon", 1.7e308))));
    assertThat(r.statusCode()).isEqualTo(422);
    assertThat(error(r).getString("code")).isEqualTo("epsilon_overflow");
    assertThat(error(r).getString("message")).contains(String.valueOf(Double.MAX_VALUE))
        .contains("text 0");
    assertThat(r.body()).doesNotContain("Zorblaxquen");

    HttpResponse<String> s = stream(open.port(), "epsilon=1.7e308", ACME_KEY,
        new JsonObject().put("text", "two Zorblaxquen").encode() + "\n"
            + new JsonObject().put("text", "three more Zorblaxquen").encode() + "\n");
    assertThat(s.statusCode()).isEqualTo(200);
    List<String> lines = s.body().lines().toList();
    assertThat(lines).hasSize(2);
    for (int i = 0; i < 2; i++) {
      JsonObject e = new JsonObject(lines.get(i)).getJsonObject("error");
      assertThat(e.getString("code")).isEqualTo("epsilon_overflow");
      assertThat(e.getString("message")).contains("line " + (i + 1))
          .contains(String.valueOf(Double.MAX_VALUE));
    }
    assertThat(s.body()).doesNotContain("Zorblaxquen");
    assertThat(spent(open, ACME_KEY)).isEqualTo(before);

    // two records, each finite, whose sum is not
    HttpResponse<String> sum = send(http, post(open.port(), "/v1/rewrite", ACME_KEY,
        json(new JsonObject().put("texts", List.of("one", "two")).put("epsilon", 1.7e308))));
    assertThat(sum.statusCode()).isEqualTo(422);
    assertThat(error(sum).getString("code")).isEqualTo("epsilon_overflow");
    assertThat(spent(open, ACME_KEY)).isEqualTo(before);
  }

  /**
   * Tenant "people" has a per-subject budget of 100. Five-word records at epsilon 10 cost 50 each:
   * two fit a subject, the third is refused naming its position, while another subject and the
   * tenant's quota are unaffected.
   */
  @Test
  void perSubjectBudgetsRefuseTheRecordThatWouldExceedThemAndNameItsPosition() throws Exception {
    String five = "one two three four five";
    String other = "Someone.Else@example.org";
    HttpResponse<String> first = send(http, post(open.port(), "/v1/rewrite", PEOPLE_KEY,
        json(new JsonObject().put("texts", List.of(five, five)).put("subjects",
            List.of(SUBJECT, other)).put("epsilon", EPSILON))));
    assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
    assertThat(new JsonObject(first.body()).getDouble("total_epsilon")).isEqualTo(100.0);

    // text 0 (other, 50 -> 100) fits; text 1 takes SUBJECT to 100; text 2 would take it to 150
    HttpResponse<String> over = send(http, post(open.port(), "/v1/rewrite", PEOPLE_KEY,
        json(new JsonObject().put("texts", List.of(five, five, five)).put("subjects",
            List.of(other, SUBJECT, SUBJECT)).put("epsilon", EPSILON))));
    assertThat(over.statusCode()).isEqualTo(429);
    assertThat(error(over).getString("code")).isEqualTo("subject_budget_exceeded");
    assertThat(error(over).getString("message")).startsWith("text 2 ");
    assertThat(error(over).getDouble("remaining_epsilon")).isEqualTo(0.0);
    assertThat(error(over).getDouble("requested_epsilon")).isEqualTo(50.0);
    assertThat(over.body()).doesNotContain("Quelvarindosh").doesNotContain("Someone");
    assertThat(spent(open, PEOPLE_KEY)).isEqualTo(100.0);

    HttpResponse<String> line = stream(open.port(), "epsilon=10", PEOPLE_KEY,
        new JsonObject().put("text", five).put("subject", SUBJECT).encode() + "\n"
            + new JsonObject().put("text", five).put("subject", SUBJECT).encode() + "\n"
            + new JsonObject().put("text", five).put("subject", other).encode() + "\n");
    // lines run concurrently: one of the two SUBJECT lines fits (50 -> 100), the other is refused
    List<String> lines = line.body().lines().toList();
    int refusedLines = 0;
    for (int i = 0; i < 2; i++) {
      JsonObject refused = new JsonObject(lines.get(i)).getJsonObject("error");
      if (refused != null) {
        refusedLines++;
        assertThat(refused.getString("code")).isEqualTo("subject_budget_exceeded");
        assertThat(refused.getString("message")).startsWith("line " + (i + 1) + " ");
      }
    }
    assertThat(refusedLines).isEqualTo(1);
    assertThat(new JsonObject(lines.get(2)).getJsonObject("report"))
        .as("another subject still fits").isNotNull();
    assertThat(line.body()).doesNotContain("Quelvarindosh");

    // the tenant has a per-subject budget: a record without a subject is refused up front
    HttpResponse<String> missing = send(http, post(open.port(), "/v1/rewrite", PEOPLE_KEY,
        json(new JsonObject().put("text", five).put("epsilon", EPSILON))));
    assertThat(missing.statusCode()).isEqualTo(422);
    assertThat(error(missing).getString("code")).isEqualTo("subject_required");

    // the operator reads a subject's budget; a tenant key may not
    String query = "/v1/budget?tenant=people&subject="
        + URLEncoder.encode(SUBJECT, StandardCharsets.UTF_8);
    JsonObject budget = new JsonObject(send(http, get(open.port(), query, OPERATOR_KEY)).body());
    assertThat(budget.getJsonObject("subject").getDouble("spent")).isEqualTo(100.0);
    assertThat(budget.getJsonObject("subject").getDouble("budget")).isEqualTo(100.0);
    assertThat(budget.getJsonObject("subject").getDouble("remaining")).isEqualTo(0.0);
    assertThat(budget.getDouble("spent")).isEqualTo(200.0);
    assertThat(budget.encode()).doesNotContain("Quelvarindosh");
    HttpResponse<String> asTenant = send(http, get(open.port(), query, PEOPLE_KEY));
    assertThat(asTenant.statusCode()).isEqualTo(403);
    assertThat(error(asTenant).getString("code")).isEqualTo("operator_only");
    assertThat(send(http, get(open.port(), "/v1/budget?subject=x", OPERATOR_KEY)).statusCode())
        .as("tenant required with the operator key").isEqualTo(422);

    // a subject of another tenant is another subject
    JsonObject acme = new JsonObject(send(http, get(open.port(), "/v1/budget?tenant=acme&subject="
        + URLEncoder.encode(SUBJECT, StandardCharsets.UTF_8), OPERATOR_KEY)).body());
    assertThat(acme.getJsonObject("subject").getDouble("spent")).isEqualTo(0.0);
    assertThat(acme.getJsonObject("subject").containsKey("budget")).isFalse();
  }

  @Test
  void metricsNeedTheOperatorKeyOrALoopbackBind() {
    HttpResponse<String> strictMetrics = send(http, get(strict.port(), "/metrics", null));
    assertThat(strictMetrics.statusCode()).isEqualTo(403);
    assertThat(error(strictMetrics).getString("message")).contains("operator_key");
    assertThat(strictMetrics.body()).doesNotContain("acme");
    assertThat(send(http, get(strict.port(), "/metrics", ACME_KEY)).statusCode()).isEqualTo(403);

    assertThat(send(http, get(open.port(), "/metrics", null)).statusCode()).isEqualTo(401);
    assertThat(send(http, get(open.port(), "/metrics", ACME_KEY)).statusCode()).isEqualTo(401);
    HttpResponse<String> scraped = send(http, get(open.port(), "/metrics", OPERATOR_KEY));
    assertThat(scraped.statusCode()).isEqualTo(200);
    assertThat(scraped.body()).contains("tenant=\"acme\"");
  }

  /** A server of its own, so its ledger can be read after it closes. */
  @Test
  void seededChargesAreMarkedInTheLedger() throws Exception {
    Path dir = Files.createTempDirectory(openDir, "ledger");
    DxRewriteServer server = DxRewriteServer.start(TestServers.config(dir,
        Map.of("allow_seed", "true")));
    try {
      server.loaded().await(120, TimeUnit.SECONDS);
      send(http, post(server.port(), "/v1/rewrite", ACME_KEY,
          json(new JsonObject().put("text", "seeded words").put("epsilon", 3).put("seed", 1))));
      send(http, post(server.port(), "/v1/rewrite", ACME_KEY,
          json(new JsonObject().put("text", "secure words").put("epsilon", 3))));
      send(http, post(server.port(), "/v1/rewrite", PEOPLE_KEY,
          json(new JsonObject().put("text", "subject words").put("epsilon", 3)
              .put("subject", SUBJECT))));
    } finally {
      server.close();
    }
    try (PrivacyLedger ledger = PrivacyLedger.open(dir.resolve("ledger.log"))) {
      List<LedgerEntry> entries = ledger.entries();
      assertThat(entries).extracting(LedgerEntry::seeded).containsExactly(true, false, false);
      assertThat(entries.get(2).subjects()).hasSize(1);
      assertThat(entries.get(2).subjects().get(0).subjectKey()).hasSize(64)
          .doesNotContain("Quelvarindosh");
      assertThat(entries.get(2).subjects().get(0).epsilon()).isEqualTo(6.0);
    }
    assertThat(new String(Files.readAllBytes(dir.resolve("ledger.log")),
        StandardCharsets.ISO_8859_1)).doesNotContain("Quelvarindosh");
  }

}
