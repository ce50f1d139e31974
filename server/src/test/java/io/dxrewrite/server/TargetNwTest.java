package io.dxrewrite.server;

import static io.dxrewrite.server.TestServers.ACME_KEY;
import static io.dxrewrite.server.TestServers.get;
import static io.dxrewrite.server.TestServers.post;
import static io.dxrewrite.server.TestServers.send;
import static org.assertj.core.api.Assertions.assertThat;

import io.dxrewrite.calibration.Calibration;
import io.dxrewrite.calibration.CalibrationCache;
import io.dxrewrite.progress.ProgressListener;
import io.dxrewrite.embeddings.DefaultEmbeddings;
import io.dxrewrite.embeddings.EmbeddingStore;
import io.dxrewrite.mechanism.MechanismParameters;
import io.dxrewrite.rewrite.RewriteOptions;
import io.dxrewrite.rewrite.RewriteResult;
import io.dxrewrite.rewrite.Rewriter;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code target_nw} on a private copy of the embedded store (so no calibration is cached from an
 * earlier run), with a small calibration (200 words x 1 trial): the first request starts the
 * calibration and gets 503 {@code calibrating} with Retry-After; once it is done, the request is
 * rewritten at the calibrated epsilon and the report carries both the target and the epsilon. A
 * server started on a store whose calibration is cached answers the first request at once.
 */
class TargetNwTest {
  static final int WORDS = 200;
  static final int TRIALS = 1;
  static final long CALIBRATION_SEED = 7;
  static final String TEXT = "The battery died after two days and the charger broke.";

  @TempDir static Path dir;
  static Path storeCopy;
  static DxRewriteServer server;
  static int port;
  static HttpClient http;

  @BeforeAll
  static void start() throws Exception {
    storeCopy = copyOfEmbeddedStore(dir.resolve("fresh"));
    server = DxRewriteServer.start(TestServers.config(dir, Map.of(
        "embeddings", storeCopy.toString(),
        "calibration_words", String.valueOf(WORDS),
        "calibration_trials", String.valueOf(TRIALS),
        "calibration_seed", String.valueOf(CALIBRATION_SEED), "allow_seed", "true")));
    server.loaded().await(120, TimeUnit.SECONDS);
    port = server.port();
    http = TestServers.client();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void targetNwIsCalibratedInTheBackgroundThenUsedAndReported() throws Exception {
    byte[] body = new JsonObject().put("text", TEXT).put("target_nw", 0.5).put("seed", 3)
        .encode().getBytes(StandardCharsets.UTF_8);
    HttpResponse<String> first = send(http, post(port, "/v1/rewrite", ACME_KEY, body));
    assertThat(first.statusCode()).isEqualTo(503);
    assertThat(new JsonObject(first.body()).getJsonObject("error").getString("code"))
        .isEqualTo("calibrating");
    assertThat(first.headers().firstValue("Retry-After")).contains("5");
    assertThat(new JsonObject(send(http, get(port, "/v1/budget", ACME_KEY)).body())
        .getDouble("spent")).as("nothing charged while calibrating").isEqualTo(0.0);

    HttpResponse<String> done = first;
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
    while (done.statusCode() == 503 && System.nanoTime() < deadline) {
      Thread.sleep(200);
      done = send(http, post(port, "/v1/rewrite", ACME_KEY, body));
    }
    assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
    JsonObject report = new JsonObject(done.body()).getJsonArray("results").getJsonObject(0)
        .getJsonObject("report");

    EmbeddingStore store = EmbeddingStore.open(storeCopy);
    Calibration calibration = CalibrationCache.calibrate(
        TestServers.referenceContext(store), "cmp",
        MechanismParameters.DEFAULTS, 0.5, WORDS, TRIALS, CALIBRATION_SEED, ProgressListener.NONE);
    assertThat(report.getDouble("target_nw")).isEqualTo(0.5);
    assertThat(report.getDouble("epsilon_per_word")).isEqualTo(calibration.epsilon());
    assertThat(calibration.epsilon()).as("README: about 7 for cmp at 0.5").isBetween(3.0, 30.0);
    assertThat(report.getDouble("total_epsilon"))
        .isEqualTo(calibration.epsilon() * report.getInteger("words_perturbed"));

    RewriteResult expected = new Rewriter(TestServers.referenceContext(store)).rewrite(TEXT,
        RewriteOptions.builder().epsilon(calibration.epsilon()).targetNw(0.5).seed(3).build());
    JsonObject result = new JsonObject(done.body()).getJsonArray("results").getJsonObject(0);
    assertThat(result.getString("text")).isEqualTo(expected.text());
    assertThat(new JsonObject(send(http, get(port, "/v1/budget", ACME_KEY)).body())
        .getDouble("spent")).isEqualTo(report.getDouble("total_epsilon"));

    HttpResponse<String> stream = send(http, HttpRequest.newBuilder(URI.create(
            "http://127.0.0.1:" + port + "/v1/rewrite/stream?target_nw=0.5"))
        .header("Authorization", "Bearer " + ACME_KEY)
        .POST(HttpRequest.BodyPublishers.ofString(new JsonObject().put("text", TEXT).encode()))
        .build());
    assertThat(stream.statusCode()).isEqualTo(200);
    JsonObject line = new JsonObject(stream.body().strip()).getJsonObject("report");
    assertThat(line.getDouble("target_nw")).isEqualTo(0.5);
    assertThat(line.getDouble("epsilon_per_word")).isEqualTo(calibration.epsilon());
  }

  /**
   * Issue 14, item 10: after a restart the first request for a cached target was answered 503
   * {@code calibrating}. A server on a store whose calibration cache holds the target (here
   * written by the library, as {@code dx-rewrite calibrate} does, with a different seed and more
   * words than the server's settings) must rewrite the very first request.
   */
  @Test
  void aCachedTargetIsAnsweredAtOnceAfterARestart() throws Exception {
    Path restarted = dir.resolve("restart");
    Path copy = copyOfEmbeddedStore(restarted);
    EmbeddingStore store = EmbeddingStore.open(copy);
    Calibration cached = CalibrationCache.calibrate(
        TestServers.referenceContext(store), "cmp",
        MechanismParameters.DEFAULTS, 0.6, 2 * WORDS, TRIALS, 99, ProgressListener.NONE);
    try (DxRewriteServer second = DxRewriteServer.start(TestServers.config(restarted, Map.of(
        "embeddings", copy.toString(),
        "calibration_words", String.valueOf(WORDS),
        "calibration_trials", String.valueOf(TRIALS),
        "calibration_seed", String.valueOf(CALIBRATION_SEED))))) {
      second.loaded().await(120, TimeUnit.SECONDS);
      byte[] body = new JsonObject().put("text", TEXT).put("target_nw", 0.6)
          .encode().getBytes(StandardCharsets.UTF_8);
      HttpResponse<String> first = send(http, post(second.port(), "/v1/rewrite", ACME_KEY, body));
      assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
      JsonObject report = new JsonObject(first.body()).getJsonArray("results").getJsonObject(0)
          .getJsonObject("report");
      assertThat(report.getDouble("epsilon_per_word")).isEqualTo(cached.epsilon());
    }
  }

  private static Path copyOfEmbeddedStore(Path folder) throws java.io.IOException {
    java.nio.file.Files.createDirectories(folder);
    Path copy = folder.resolve("store.dxemb");
    java.nio.file.Files.copy(DefaultEmbeddings.open().path(), copy);
    return copy;
  }

  @Test
  void aStreamWithAnOutOfRangeTargetIsRefused() {
    HttpResponse<String> r = send(http, HttpRequest.newBuilder(URI.create(
            "http://127.0.0.1:" + port + "/v1/rewrite/stream?target_nw=1.5"))
        .header("Authorization", "Bearer " + ACME_KEY)
        .POST(HttpRequest.BodyPublishers.ofString("{\"text\": \"a\"}")).build());
    assertThat(r.statusCode()).isEqualTo(422);
    assertThat(new JsonObject(r.body()).getJsonObject("error").getString("code"))
        .isEqualTo("invalid_parameter");
  }
}
