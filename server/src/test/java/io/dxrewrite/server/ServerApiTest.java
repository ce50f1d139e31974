package io.dxrewrite.server;

import static io.dxrewrite.server.TestServers.ACME_KEY;
import static io.dxrewrite.server.TestServers.SECRET;
import static io.dxrewrite.server.TestServers.TINY_KEY;
import static io.dxrewrite.server.TestServers.get;
import static io.dxrewrite.server.TestServers.post;
import static io.dxrewrite.server.TestServers.send;
import static org.assertj.core.api.Assertions.assertThat;

import io.dxrewrite.embeddings.DefaultEmbeddings;
import io.dxrewrite.embeddings.EmbeddingStore;
import io.dxrewrite.mechanism.Mechanisms;
import io.dxrewrite.nn.Nd4jExactIndex;
import io.dxrewrite.rewrite.RewriteOptions;
import io.dxrewrite.rewrite.RewriteResult;
import io.dxrewrite.rewrite.Rewriter;
import io.dxrewrite.server.api.ApiRouter;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.validation.ResponseValidator;
import io.vertx.openapi.validation.ValidatableResponse;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The API over real HTTP on an ephemeral port, responses checked against the OpenAPI spec. */
@Order(1)
class ServerApiTest {
  @TempDir static Path dir;
  static DxRewriteServer server;
  static int port;
  static HttpClient http;
  static Vertx vertx;
  static ResponseValidator validator;

  @BeforeAll
  static void start() throws Exception {
    server = DxRewriteServer.start(TestServers.config(dir, Map.of("allow_seed", "true")));
    server.loaded().await(120, TimeUnit.SECONDS);
    port = server.port();
    http = TestServers.client();
    vertx = Vertx.vertx();
    OpenAPIContract contract = ApiRouter.contract(vertx).await(30, TimeUnit.SECONDS);
    validator = ResponseValidator.create(vertx, contract);
  }

  @AfterAll
  static void stop() {
    server.close();
    vertx.close().await();
  }

  static void assertMatchesSpec(String operationId, HttpResponse<String> r, String contentType)
      throws Exception {
    if (!contentType.equals("application/json")) {
      assertThat(r.headers().firstValue("Content-Type")).get().asString().startsWith(contentType);
      assertThat(r.statusCode()).isEqualTo(200);
      return;
    }
    validator.validate(ValidatableResponse.create(r.statusCode(),
            Buffer.buffer(r.body().getBytes(StandardCharsets.UTF_8)), contentType), operationId)
        .await(10, TimeUnit.SECONDS);
  }

  static byte[] json(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void rewritesOneTextAndABatchWithReportsThatMatchTheSpec() throws Exception {
    HttpResponse<String> one = send(http, post(port, "/v1/rewrite", ACME_KEY,
        json("{\"text\": \"My name is " + SECRET + ", call me.\", \"epsilon\": 10, \"seed\": 7}")));
    assertThat(one.statusCode()).isEqualTo(200);
    assertMatchesSpec("rewrite", one, "application/json");
    JsonObject body = new JsonObject(one.body());
    JsonObject report = body.getJsonArray("results").getJsonObject(0).getJsonObject("report");
    // SECRET's number is an identifier (a <NUMBER> placeholder, charged 0): 7 words remain
    assertThat(report.getInteger("words")).isEqualTo(7);
    assertThat(report.getDouble("total_epsilon")).isEqualTo(70.0);
    assertThat(report.getBoolean("seeded")).isTrue();
    assertThat(report.getJsonObject("entities").getInteger("NUMBER")).isEqualTo(1);
    assertThat(body.getDouble("total_epsilon")).isEqualTo(70.0);
    assertThat(one.headers().firstValue("X-Request-Id")).contains(body.getString("request_id"));

    HttpResponse<String> batch = send(http, post(port, "/v1/rewrite", ACME_KEY,
        json("{\"texts\": [\"one two\", \"three " + SECRET + "\"], \"epsilon\": 5}")));
    assertThat(batch.statusCode()).isEqualTo(200);
    assertMatchesSpec("rewrite", batch, "application/json");
    JsonArray results = new JsonObject(batch.body()).getJsonArray("results");
    assertThat(results).hasSize(2);
    assertThat(results.getJsonObject(1).getJsonObject("report").getDouble("total_epsilon"))
        .isEqualTo(15.0);
    assertThat(new JsonObject(batch.body()).getDouble("total_epsilon")).isEqualTo(25.0);
  }

  @Test
  void identifiersArePlaceholdersByDefaultAndCountedInTheReport() throws Exception {
    // made-up name and number
    String text = "Please call Alice Zyxwv at 555-123-4567 today.";
    HttpResponse<String> r = send(http, post(port, "/v1/rewrite", ACME_KEY,
        json(new JsonObject().put("text", text).put("epsilon", 1e6).put("seed", 3).encode())));
    assertThat(r.statusCode()).isEqualTo(200);
    assertMatchesSpec("rewrite", r, "application/json");
    JsonObject result = new JsonObject(r.body()).getJsonArray("results").getJsonObject(0);
    assertThat(result.getString("text")).isEqualTo("Please call <PERSON> at <PHONE> today.");
    JsonObject report = result.getJsonObject("report");
    assertThat(report.getString("entity_treatment")).isEqualTo("placeholder");
    assertThat(report.getJsonObject("entities").getMap())
        .containsExactlyInAnyOrderEntriesOf(java.util.Map.of("PERSON", 1, "PHONE", 1));
    assertThat(report.getInteger("words")).isEqualTo(4);

    HttpResponse<String> off = send(http, post(port, "/v1/rewrite", ACME_KEY, json(new JsonObject()
        .put("text", text).put("epsilon", 1e6).put("seed", 3).put("entities", "off").encode())));
    assertThat(off.statusCode()).isEqualTo(200);
    JsonObject offReport = new JsonObject(off.body()).getJsonArray("results").getJsonObject(0)
        .getJsonObject("report");
    assertThat(offReport.getString("entity_treatment")).isEqualTo("off");
    assertThat(offReport.getJsonObject("entities").isEmpty()).isTrue();

    HttpResponse<String> bad = send(http, post(port, "/v1/rewrite", ACME_KEY, json(new JsonObject()
        .put("text", text).put("epsilon", 10).put("entities", "redact").encode())));
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).doesNotContain("Zyxwv").doesNotContain("4567");
  }

  @Test
  void readOnlyEndpointsMatchTheSpec() throws Exception {
    HttpResponse<String> mechanisms = send(http, get(port, "/v1/mechanisms", ACME_KEY));
    assertThat(mechanisms.statusCode()).isEqualTo(200);
    assertMatchesSpec("mechanisms", mechanisms, "application/json");
    assertThat(new JsonObject(mechanisms.body()).getJsonArray("mechanisms").getJsonObject(0)
        .getString("name")).isEqualTo("cmp");

    HttpResponse<String> embeddings = send(http, get(port, "/v1/embeddings", ACME_KEY));
    assertMatchesSpec("embeddings", embeddings, "application/json");
    JsonObject e = new JsonObject(embeddings.body());
    assertThat(e.getInteger("vocabulary_size")).isEqualTo(20_000);
    assertThat(e.getInteger("dimension")).isEqualTo(100);
    assertThat(e.getString("checksum"))
        .isEqualTo(String.format("%08x", DefaultEmbeddings.open().checksum()));
    // The file name only: the server's directories (e.g. ~/.cache) are not the client's business.
    assertThat(e.getString("path"))
        .isEqualTo(DefaultEmbeddings.open().path().getFileName().toString())
        .doesNotContain("/").doesNotContain(System.getProperty("user.home"));
    assertThat(e.getString("source")).doesNotContain("/");

    HttpResponse<String> budget = send(http, get(port, "/v1/budget", ACME_KEY));
    assertMatchesSpec("budget", budget, "application/json");
    assertThat(new JsonObject(budget.body()).getString("tenant")).isEqualTo("acme");

    HttpResponse<String> live = send(http, get(port, "/health/live", null));
    assertMatchesSpec("live", live, "application/json");
    HttpResponse<String> ready = send(http, get(port, "/health/ready", null));
    assertThat(ready.statusCode()).isEqualTo(200);
    assertMatchesSpec("ready", ready, "application/json");

    send(http, post(port, "/v1/rewrite", ACME_KEY, json("{\"text\": \"hello\", \"epsilon\": 10}")));
    HttpResponse<String> metrics = send(http, get(port, "/metrics", null));
    assertMatchesSpec("metrics", metrics, "text/plain");
    assertThat(metrics.body())
        .contains("dxrewrite_http_requests_seconds_count{method=\"POST\",route=\"/v1/rewrite\",status=\"200\"}")
        .contains("dxrewrite_http_requests_seconds_bucket")
        .contains("dxrewrite_words_rewritten_total")
        .contains("dxrewrite_epsilon_spent_total{tenant=\"acme\"}");

    HttpResponse<String> spec = send(http, get(port, "/openapi.yaml", null));
    assertMatchesSpec("openapi", spec, "text/plain");
    assertThat(spec.body()).startsWith("openapi: 3.1.0");
  }

  @Test
  void apiKeysAreRequired() {
    HttpResponse<String> none = send(http, post(port, "/v1/rewrite", null,
        json("{\"text\": \"" + SECRET + "\", \"epsilon\": 10}")));
    assertThat(none.statusCode()).isEqualTo(401);
    assertThat(new JsonObject(none.body()).getJsonObject("error").getString("code"))
        .isEqualTo("unauthorized");
    assertThat(send(http, get(port, "/v1/mechanisms", "wrong-key-0123456789")).statusCode())
        .isEqualTo(401);
  }

  @Test
  void aRequestOverTheBudgetGets429AndIsNotCharged() throws Exception {
    HttpResponse<String> fits = send(http, post(port, "/v1/rewrite", TINY_KEY,
        json("{\"text\": \"two words\", \"epsilon\": 10}")));
    assertThat(fits.statusCode()).isEqualTo(200);
    assertThat(new JsonObject(fits.body()).getDouble("remaining_epsilon")).isEqualTo(30.0);
    HttpResponse<String> over = send(http, post(port, "/v1/rewrite", TINY_KEY,
        json("{\"text\": \"four words " + SECRET + "\", \"epsilon\": 10}")));
    assertThat(over.statusCode()).isEqualTo(429);
    assertMatchesSpec("rewrite", over, "application/json");
    JsonObject error = new JsonObject(over.body()).getJsonObject("error");
    assertThat(error.getString("code")).isEqualTo("budget_exceeded");
    assertThat(error.getDouble("remaining_epsilon")).isEqualTo(30.0);
    // four words, the two of SECRET's name, its number an identifier charged 0
    assertThat(error.getDouble("requested_epsilon")).isEqualTo(40.0);
    assertThat(over.body()).doesNotContain("Zorblaxquen").doesNotContain("words");
    JsonObject budget = new JsonObject(send(http, get(port, "/v1/budget", TINY_KEY)).body());
    assertThat(budget.getDouble("spent")).isEqualTo(20.0);
  }

  @Test
  void hundredConcurrentRequestsGetTheirOwnCorrectResults() throws Exception {
    List<String> sentences = Files.readAllLines(Path.of("../examples/amazon-sentences.txt"))
        .subList(0, 100);
    Rewriter reference = new Rewriter(TestServers.referenceContext(DefaultEmbeddings.open()));
    List<CompletableFuture<HttpResponse<String>>> futures = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      String body = new JsonObject().put("text", sentences.get(i) + " " + SECRET)
          .put("epsilon", 8).put("seed", 1000 + i).encode();
      futures.add(http.sendAsync(post(port, "/v1/rewrite", ACME_KEY, json(body)),
          HttpResponse.BodyHandlers.ofString()));
    }
    for (int i = 0; i < 100; i++) {
      HttpResponse<String> r = futures.get(i).get(120, TimeUnit.SECONDS);
      assertThat(r.statusCode()).as("request %d", i).isEqualTo(200);
      JsonObject result = new JsonObject(r.body()).getJsonArray("results").getJsonObject(0);
      RewriteResult expected = reference.rewrite(sentences.get(i) + " " + SECRET,
          RewriteOptions.builder().epsilon(8).seed(1000 + i).build());
      assertThat(result.getString("text")).as("request %d", i).isEqualTo(expected.text());
      assertThat(result.getJsonObject("report").getDouble("total_epsilon"))
          .isEqualTo(expected.report().totalEpsilon());
    }
  }

  @Test
  void streamAnswersEveryLineInOrderAndSurvivesABadLine() {
    StringBuilder in = new StringBuilder();
    for (int i = 0; i < 40; i++) {
      in.append(i == 17 ? "{\"text\": \"" + SECRET + "\""
          : i == 23 ? "{\"text\": \"" + SECRET + "\", \"text\": \"b\"}"
          : new JsonObject().put("text", "line " + i + " " + SECRET).encode()).append('\n');
    }
    in.append("{\"text\": \"last line without newline\"}");
    HttpRequest request = HttpRequest.newBuilder(
            java.net.URI.create("http://127.0.0.1:" + port + "/v1/rewrite/stream?epsilon=10"))
        .header("Authorization", "Bearer " + ACME_KEY)
        .header("Content-Type", "application/x-ndjson")
        .POST(HttpRequest.BodyPublishers.ofString(in.toString())).build();
    HttpResponse<String> r = send(http, request);
    assertThat(r.statusCode()).isEqualTo(200);
    List<String> lines = r.body().lines().toList();
    assertThat(lines).hasSize(41);
    for (int i = 0; i < 41; i++) {
      JsonObject line = new JsonObject(lines.get(i));
      assertThat(line.getInteger("line")).isEqualTo(i + 1);
      if (i == 17) {
        assertThat(line.getJsonObject("error").getString("code")).isEqualTo("malformed_json");
      } else if (i == 23) {
        assertThat(line.getJsonObject("error").getString("message"))
            .isEqualTo("line 24 repeats a field name in one JSON object");
      } else {
        assertThat(line.getJsonObject("report").getInteger("words")).as(lines.get(i)).isEqualTo(4);
      }
    }
  }

  /** The object with this {@code name} in {@code container.get(list)}, or null. */
  static JsonObject named(JsonObject container, String list, String name) {
    return container.getJsonArray(list).stream().map(JsonObject.class::cast)
        .filter(o -> o.getString("name").equals(name)).findFirst().orElse(null);
  }

  static JsonObject mechanism(JsonObject mechanisms, String name) {
    return java.util.Objects.requireNonNull(named(mechanisms, "mechanisms", name), name);
  }

  static JsonObject parameter(JsonObject mechanism, String name) {
    return named(mechanism, "parameters", name);
  }

  @Test
  void mechanismsListTheirOwnParametersAndTheWithdrawnTruncatedGumbelIsRefused() throws Exception {
    EmbeddingStore store = DefaultEmbeddings.open();
    HttpResponse<String> withdrawn = send(http, post(port, "/v1/rewrite", ACME_KEY,
        json("{\"text\": \"" + SECRET + "\", \"mechanism\": \"truncated-gumbel\", \"epsilon\": 1000}")));
    assertThat(withdrawn.statusCode()).isEqualTo(422);
    JsonObject error = new JsonObject(withdrawn.body()).getJsonObject("error");
    assertThat(error.getString("code")).isEqualTo("withdrawn_mechanism");
    assertThat(error.getString("message")).contains("was withdrawn").contains("not metric-DP")
        .doesNotContain(SECRET);

    HttpResponse<String> r = send(http, get(port, "/v1/mechanisms", ACME_KEY));
    assertMatchesSpec("mechanisms", r, "application/json");
    JsonObject all = new JsonObject(r.body());
    assertThat(all.getJsonArray("mechanisms")).hasSize(Mechanisms.names().size());
    assertThat(named(all, "mechanisms", "truncated-gumbel")).isNull();
    assertThat(Mechanisms.names()).containsExactly("cmp", "mahalanobis", "vickrey", "tem");
    JsonObject cmp = mechanism(all, "cmp");
    assertThat(parameter(cmp, "lambda")).isNull();
    assertThat(parameter(cmp, "t")).isNull();
    // epsilon below DxPreconditions.MIN_EPSILON is refused: the catalogue says so (it said > 0)
    assertThat(parameter(cmp, "epsilon").getDouble("minimum")).isEqualTo(1e-6);
    assertThat(parameter(cmp, "epsilon").getDouble("exclusive_minimum")).isNull();
    JsonObject mahalanobis = mechanism(all, "mahalanobis");
    assertThat(parameter(mahalanobis, "lambda").getDouble("default")).isEqualTo(0.2);
    assertThat(parameter(mahalanobis, "lambda").getDouble("maximum")).isEqualTo(1.0);
    assertThat(parameter(mahalanobis, "t")).isNull();
    JsonObject vickrey = mechanism(all, "vickrey");
    assertThat(parameter(vickrey, "t").getDouble("default")).isEqualTo(0.75);
    assertThat(parameter(vickrey, "lambda").getDouble("default")).isEqualTo(0.0);

    HttpResponse<String> vickreyOk = send(http, post(port, "/v1/rewrite", ACME_KEY, json(
        "{\"text\": \"good phone\", \"mechanism\": \"vickrey\", \"epsilon\": 10, \"t\": 0.5,"
            + " \"lambda\": 0.1, \"seed\": 4}")));
    assertThat(vickreyOk.statusCode()).isEqualTo(200);
    RewriteResult expected = new Rewriter(TestServers.referenceContext(store)).rewrite("good phone",
        RewriteOptions.builder().mechanism("vickrey").epsilon(10).t(0.5).lambda(0.1).seed(4)
            .build());
    assertThat(new JsonObject(vickreyOk.body()).getJsonArray("results").getJsonObject(0)
        .getString("text")).isEqualTo(expected.text());

    JsonObject tem = mechanism(all, "tem");
    assertThat(parameter(tem, "beta").getDouble("default")).isEqualTo(0.001);
    assertThat(parameter(tem, "beta").getDouble("exclusive_minimum")).isEqualTo(0.0);
    assertThat(parameter(tem, "beta").getDouble("exclusive_maximum")).isEqualTo(1.0);
    assertThat(parameter(tem, "lambda")).isNull();
    assertThat(parameter(cmp, "beta")).isNull();
    HttpResponse<String> temOk = send(http, post(port, "/v1/rewrite", ACME_KEY, json(
        "{\"text\": \"good phone\", \"mechanism\": \"tem\", \"epsilon\": 4, \"beta\": 0.01,"
            + " \"seed\": 4}")));
    assertThat(temOk.statusCode()).isEqualTo(200);
    // the server's TEM reuses nothing (full scan, inversion); the library's default samples the
    // same law by rejection, so seeded outputs agree only with reuse off on both sides
    RewriteResult temExpected = new Rewriter(io.dxrewrite.mechanism.MechanismContext.of(store,
        new Nd4jExactIndex(store), io.dxrewrite.progress.ProgressListener.NONE).temReuse(false))
        .rewrite("good phone", RewriteOptions.builder().mechanism("tem").epsilon(4).beta(0.01).seed(4)
            .build());
    assertThat(new JsonObject(temOk.body()).getJsonArray("results").getJsonObject(0)
        .getString("text")).isEqualTo(temExpected.text());
    for (String bad : new String[] {
        "{\"text\": \"x\", \"mechanism\": \"cmp\", \"epsilon\": 4, \"beta\": 0.01}",
        "{\"text\": \"x\", \"mechanism\": \"tem\", \"epsilon\": 4, \"beta\": 1}"}) {
      HttpResponse<String> refused = send(http, post(port, "/v1/rewrite", ACME_KEY, json(bad)));
      assertThat(refused.statusCode()).as(bad).isEqualTo(422);
      assertThat(new JsonObject(refused.body()).getJsonObject("error").getString("message"))
          .contains("beta");
    }
  }

  static Stream<Arguments> badRequests() {
    String big = "{\"text\": \"" + "a".repeat(2 * 1024 * 1024) + "\", \"epsilon\": 10}";
    String deep = "[".repeat(10_000) + "]".repeat(10_000);
    String longText = "{\"text\": \"" + "ab ".repeat(66_667) + "\", \"epsilon\": 10}";
    byte[] badUtf8 = {'{', '"', 't', 'e', 'x', 't', '"', ':', '"', (byte) 0xff, (byte) 0xfe, '"',
        ',', '"', 'e', 'p', 's', 'i', 'l', 'o', 'n', '"', ':', '1', '0', '}'};
    String t = "\"text\": \"" + SECRET + "\"";
    StringBuilder many = new StringBuilder("{\"epsilon\": 10, \"texts\": [");
    for (int i = 0; i < 1001; i++) {
      many.append(i == 0 ? "" : ",").append("\"x\"");
    }
    many.append("]}");
    return Stream.of(
        Arguments.of("malformed JSON", json("{" + t + " \"epsilon\" 10}"), 400, "malformed_json"),
        Arguments.of("truncated JSON", json("{" + t + ", \"epsil"), 400, "malformed_json"),
        Arguments.of("empty body", json(""), 400, "invalid_request"),
        Arguments.of("not an object", json("[1, 2]"), 400, "invalid_request"),
        Arguments.of("a JSON string", json("\"" + SECRET + "\""), 400, "invalid_request"),
        Arguments.of("repeated epsilon", json("{" + t + ", \"epsilon\": 10, \"epsilon\": 1000}"),
            400, "invalid_request"),
        Arguments.of("repeated text", json("{" + t + ", \"epsilon\": 10, \"text\": \"dup\"}"),
            400, "invalid_request"),
        Arguments.of("repeated texts", json("{\"texts\": [\"a\"], \"texts\": [\"" + SECRET
            + "\"], \"epsilon\": 10}"), 400, "invalid_request"),
        Arguments.of("text is a number", json("{\"text\": 5, \"epsilon\": 10}"), 400, "invalid_request"),
        Arguments.of("texts is a string", json("{\"texts\": \"" + SECRET + "\", \"epsilon\": 10}"), 400, "invalid_request"),
        Arguments.of("texts holds a number", json("{\"texts\": [1], \"epsilon\": 10}"), 400, "invalid_request"),
        Arguments.of("text and texts", json("{" + t + ", \"texts\": [\"a\"], \"epsilon\": 10}"), 400, "invalid_request"),
        Arguments.of("neither text nor texts", json("{\"epsilon\": 10}"), 400, "invalid_request"),
        Arguments.of("unknown field", json("{" + t + ", \"epsilon\": 10, \"" + SECRET + "\": 1}"), 400, "invalid_request"),
        Arguments.of("epsilon 0", json("{" + t + ", \"epsilon\": 0}"), 422, "invalid_parameter"),
        Arguments.of("epsilon negative", json("{" + t + ", \"epsilon\": -1}"), 422, "invalid_parameter"),
        Arguments.of("epsilon NaN", json("{" + t + ", \"epsilon\": NaN}"), 400, "malformed_json"),
        Arguments.of("epsilon 1e309", json("{" + t + ", \"epsilon\": 1e309}"), 422, "invalid_parameter"),
        Arguments.of("epsilon a string", json("{" + t + ", \"epsilon\": \"10\"}"), 400, "invalid_request"),
        Arguments.of("epsilon null", json("{" + t + ", \"epsilon\": null}"), 400, "invalid_request"),
        Arguments.of("epsilon missing", json("{" + t + "}"), 422, "invalid_parameter"),
        Arguments.of("unknown mechanism", json("{" + t + ", \"epsilon\": 10, \"mechanism\": \"" + SECRET + "\"}"), 422, "unknown_mechanism"),
        Arguments.of("mechanism a number", json("{" + t + ", \"epsilon\": 10, \"mechanism\": 3}"), 400, "invalid_request"),
        Arguments.of("unknown oov policy", json("{" + t + ", \"epsilon\": 10, \"oov\": \"drop\"}"), 400, "invalid_request"),
        Arguments.of("seed a fraction", json("{" + t + ", \"epsilon\": 10, \"seed\": 1.5}"), 400, "invalid_request"),
        Arguments.of("seed too large", json("{" + t + ", \"epsilon\": 10, \"seed\": 99999999999999999999}"), 422, "invalid_parameter"),
        Arguments.of("target_nw above 1", json("{" + t + ", \"target_nw\": 5}"), 422, "invalid_parameter"),
        Arguments.of("target_nw 0", json("{" + t + ", \"target_nw\": 0}"), 422, "invalid_parameter"),
        Arguments.of("epsilon and target_nw", json("{" + t + ", \"epsilon\": 10, \"target_nw\": 0.5}"), 422, "invalid_parameter"),
        Arguments.of("lambda for cmp", json("{" + t + ", \"epsilon\": 10, \"lambda\": 0.2}"), 422, "invalid_parameter"),
        Arguments.of("t for mahalanobis", json("{" + t + ", \"epsilon\": 10, \"mechanism\": \"mahalanobis\", \"t\": 0.5}"), 422, "invalid_parameter"),
        Arguments.of("lambda above 1", json("{" + t + ", \"epsilon\": 10, \"mechanism\": \"mahalanobis\", \"lambda\": 1.5}"), 422, "invalid_parameter"),
        Arguments.of("t a string", json("{" + t + ", \"epsilon\": 10, \"mechanism\": \"vickrey\", \"t\": \"high\"}"), 400, "invalid_request"),
        Arguments.of("empty texts", json("{\"texts\": [], \"epsilon\": 10}"), 400, "invalid_request"),
        Arguments.of("too many texts", json(many.toString()), 413, "too_many_texts"),
        Arguments.of("2 MiB body", json(big), 413, "body_too_large"),
        Arguments.of("invalid UTF-8", badUtf8, 400, "malformed_json"),
        Arguments.of("JSON nested 10,000 deep", json(deep), 400, "malformed_json"),
        Arguments.of("200,000-character text", json(longText), 413, "text_too_long"),
        Arguments.of("unpaired surrogate escape", json("{\"texts\": [\"fine\", \"Zorblaxquen \\ud800 Vintrasheld\"], \"epsilon\": 10}"), 422, "invalid_text"),
        Arguments.of("lone low surrogate escape", json("{\"text\": \"Zorblaxquen \\udc00\", \"epsilon\": 10}"), 422, "invalid_text"),
        Arguments.of("duplicate comma", json("{" + t + ",, \"epsilon\": 10}"), 400, "malformed_json"),
        Arguments.of("trailing garbage", json("{" + t + ", \"epsilon\": 10} " + SECRET), 400, "malformed_json"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badRequests")
  void badInputGetsItsStatusAndCodeAndNeverEchoesText(
      String name, byte[] body, int status, String code) throws Exception {
    HttpResponse<String> r = send(http, post(port, "/v1/rewrite", ACME_KEY, body));
    assertThat(r.statusCode()).as(name).isEqualTo(status);
    JsonObject error = new JsonObject(r.body()).getJsonObject("error");
    assertThat(error.getString("code")).as(name).isEqualTo(code);
    assertThat(r.body()).doesNotContain("Zorblaxquen").doesNotContain("Vintrasheld");
    assertMatchesSpec("rewrite", r, "application/json");
    assertThat(send(http, get(port, "/health/ready", null)).statusCode()).isEqualTo(200);
  }

  static Stream<Arguments> explainedRequests() {
    String t = "\"text\": \"" + SECRET + "\"";
    String allowed = "; allowed: text, texts, mechanism, epsilon, target_nw, lambda, t, beta, seed,"
        + " oov, casing, subject, subjects, entities, marks";
    return Stream.of(
        Arguments.of("neither text nor texts", json("{\"epsilon\": 10}"), 400,
            "give exactly one of 'text' (a string) or 'texts' (an array of strings);"
                + " the request has neither"),
        Arguments.of("text and texts", json("{" + t + ", \"texts\": [\"" + SECRET + "\"],"
                + " \"epsilon\": 10}"), 400,
            "give exactly one of 'text' (a string) or 'texts' (an array of strings);"
                + " the request has both"),
        Arguments.of("unknown plain field", json("{" + t + ", \"colour\": \"" + SECRET + "\"}"),
            400, "unknown field 'colour'" + allowed),
        Arguments.of("unknown 64-character field", json("{" + t + ", \"" + "k".repeat(64)
            + "\": 1}"), 400, "unknown field '" + "k".repeat(64) + "'" + allowed),
        Arguments.of("unknown 65-character field", json("{" + t + ", \"" + "k".repeat(65)
            + "\": 1}"), 400, "the request has an unknown field" + allowed),
        Arguments.of("unknown field with spaces", json("{" + t + ", \"" + SECRET + "\": 1}"), 400,
            "the request has an unknown field" + allowed),
        Arguments.of("unknown field with a slash", json("{" + t + ", \"a/b\": 1}"), 400,
            "the request has an unknown field" + allowed),
        Arguments.of("unknown field and no text", json("{\"epsilon\": 10, \"txt\": 1}"), 400,
            "unknown field 'txt'" + allowed),
        Arguments.of("repeated epsilon", json("{" + t + ", \"epsilon\": 10, \"epsilon\": 1000}"),
            400, "the request body repeats a field name in one JSON object"),
        Arguments.of("text is a number", json("{\"text\": 5, \"epsilon\": 10}"), 400,
            "the request does not match the API schema at '#/text' (type)"),
        Arguments.of("empty texts", json("{\"texts\": [], \"epsilon\": 10}"), 400,
            "the request does not match the API schema at '#/texts' (minItems)"),
        Arguments.of("unpaired surrogate escape", json("{\"texts\": [\"fine\", \"Alice \\ud800 Smith\"],"
                + " \"epsilon\": 10}"), 422,
            "text 1 holds an unpaired UTF-16 surrogate (an escape in U+D800..U+DFFF without its"
                + " pair) at character 6, which is not Unicode text"),
        Arguments.of("2 MiB body", json("{\"text\": \"" + "a".repeat(2 * 1024 * 1024)
                + "\", \"epsilon\": 10}"), 413,
            "the request body is larger than the limit of 1048576 bytes"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("explainedRequests")
  void errorMessagesNameTheProblemButNoValue(String name, byte[] body, int status, String message)
      throws Exception {
    HttpResponse<String> r = send(http, post(port, "/v1/rewrite", ACME_KEY, body));
    assertThat(r.statusCode()).as(name).isEqualTo(status);
    assertThat(new JsonObject(r.body()).getJsonObject("error").getString("message")).as(name)
        .isEqualTo(message);
    assertThat(r.body()).doesNotContain("Zorblaxquen").doesNotContain("Vintrasheld")
        .doesNotContain("77310");
    assertMatchesSpec("rewrite", r, "application/json");
  }

  @Test
  void unknownPathsAndMethodsAreJsonErrors() {
    HttpResponse<String> r = send(http, get(port, "/v1/" + SECRET.replace(' ', '-'), ACME_KEY));
    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(new JsonObject(r.body()).getJsonObject("error").getString("code"))
        .isEqualTo("not_found");
    assertThat(r.body()).doesNotContain("Zorblaxquen");
  }
}
