package io.dxrewrite.server.playground;

import static io.dxrewrite.server.TestServers.ACME_KEY;
import static io.dxrewrite.server.TestServers.TINY_KEY;
import static io.dxrewrite.server.TestServers.get;
import static io.dxrewrite.server.TestServers.post;
import static io.dxrewrite.server.TestServers.send;
import static org.assertj.core.api.Assertions.assertThat;

import io.dxrewrite.server.DxRewriteServer;
import io.dxrewrite.server.TestServers;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The playground over HTTP, without a browser: the page and its assets come from the jar with the
 * security headers and nothing from another origin; the scripts never insert HTML or evaluate
 * strings; the page is absent when the setting is off; {@code marks} locate every word of a
 * rewrite; the N_w curve is computed in the background and answered once ready. The browser
 * itself is driven in {@code PlaygroundBrowserIT} (Maven profile {@code browser}).
 */
class PlaygroundServerTest {
  static final List<String> ASSETS = List.of("/playground/app.js", "/playground/api.js",
      "/playground/chart.js", "/playground/render.js", "/playground/playground.css",
      "/playground/icon.svg");
  static final Pattern ABSOLUTE_URL = Pattern.compile("(?i)(https?:)?//[a-z0-9.-]+\\.[a-z]{2,}[^\\s'\"]*");

  @TempDir static Path dir;
  @TempDir static Path offDir;
  static DxRewriteServer server;
  static DxRewriteServer off;
  static HttpClient http;

  @BeforeAll
  static void start() throws Exception {
    server = DxRewriteServer.start(TestServers.config(dir, Map.of()));
    off = DxRewriteServer.start(TestServers.config(offDir, Map.of("playground", "false")));
    server.loaded().await(120, TimeUnit.SECONDS);
    http = TestServers.client();
  }

  @AfterAll
  static void stop() {
    server.close();
    off.close();
  }

  @Test
  void thePageAndEveryAssetComeFromTheServerWithTheSecurityHeaders() {
    for (String path : List.of("/", "/playground", "/playground/settings.json", ASSETS.get(0),
        ASSETS.get(1), ASSETS.get(2), ASSETS.get(3), ASSETS.get(4), ASSETS.get(5))) {
      HttpResponse<String> r = send(http, get(server.port(), path, null));
      assertThat(r.statusCode()).as(path).isEqualTo(200);
      assertThat(r.headers().firstValue("Content-Security-Policy")).as(path)
          .contains("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self';"
              + " connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'");
      assertThat(r.headers().firstValue("X-Content-Type-Options")).as(path).contains("nosniff");
      assertThat(r.headers().firstValue("Referrer-Policy")).as(path).contains("no-referrer");
    }
    assertThat(send(http, get(server.port(), "/", null)).headers().firstValue("Content-Type"))
        .contains("text/html; charset=utf-8");
    assertThat(send(http, get(server.port(), "/playground/app.js", null)).headers()
        .firstValue("Content-Type")).contains("text/javascript; charset=utf-8");
    JsonObject settings =
        new JsonObject(send(http, get(server.port(), "/playground/settings.json", null)).body());
    assertThat(settings.getBoolean("auth")).isTrue();
    assertThat(settings.getInteger("max_text_chars")).isEqualTo(100_000);
  }

  @Test
  void thePageHasNoInlineScriptNoHandlerAttributesAndNoForeignUrl() {
    String html = send(http, get(server.port(), "/", null)).body();
    Matcher scripts = Pattern.compile("<script([^>]*)>(.*?)</script>", Pattern.DOTALL).matcher(html);
    int count = 0;
    while (scripts.find()) {
      count++;
      assertThat(scripts.group(1)).contains("src=\"/playground/");
      assertThat(scripts.group(2)).isBlank();
    }
    assertThat(count).isEqualTo(1);
    assertThat(html).doesNotContainPattern("(?i)\\son[a-z]+\\s*=").doesNotContain("style=");
    for (String path : ASSETS.subList(0, 5)) {
      String body = send(http, get(server.port(), path, null)).body();
      Matcher urls = ABSOLUTE_URL.matcher(body + html);
      while (urls.find()) {
        assertThat(urls.group()).as(path).isEqualTo("http://www.w3.org/2000/svg");
      }
      assertThat(body).as(path).doesNotContain("innerHTML", "outerHTML", "insertAdjacentHTML",
          "document.write", "eval(", "new Function", "setTimeout('", "@import", "localStorage");
    }
  }

  @Test
  void withThePlaygroundOffNothingIsServedAtItsPaths() {
    for (String path : List.of("/", "/playground", "/playground/app.js", "/playground/settings.json")) {
      assertThat(send(http, get(off.port(), path, null)).statusCode()).as(path).isEqualTo(404);
    }
    assertThat(send(http, get(off.port(), "/health/live", null)).statusCode()).isEqualTo(200);
  }

  @Test
  void marksLocateEveryWordOfTheRewrittenText() {
    String text = "The battery lasts all day, call 555-123-4567 about Zorblaxquen.";
    JsonObject body = new JsonObject(send(http, post(server.port(), "/v1/rewrite", ACME_KEY,
        new JsonObject().put("text", text).put("epsilon", 10).put("marks", true).encode()
            .getBytes(StandardCharsets.UTF_8))).body());
    JsonObject result = body.getJsonArray("results").getJsonObject(0);
    String out = result.getString("text");
    JsonArray marks = result.getJsonArray("marks");
    JsonObject report = result.getJsonObject("report");
    // 8 words (the, battery, lasts, all, day, call, about, zorblaxquen) and one identifier
    assertThat(report.getInteger("words")).isEqualTo(8);
    assertThat(marks).hasSize(9);
    int at = 0;
    int oov = 0;
    int entities = 0;
    for (int i = 0; i < marks.size(); i++) {
      JsonObject m = marks.getJsonObject(i);
      assertThat(m.getInteger("start")).isGreaterThanOrEqualTo(at);
      at = m.getInteger("end");
      String word = out.substring(m.getInteger("start"), at);
      assertThat(word).isNotBlank();
      assertThat(m.getString("kind")).isIn(Set.of("kept", "replaced", "oov", "entity"));
      oov += m.getString("kind").equals("oov") ? 1 : 0;
      entities += m.getString("kind").equals("entity") ? 1 : 0;
      if (m.getString("kind").equals("entity")) {
        assertThat(word).isEqualTo("<PHONE>");
      }
    }
    assertThat(oov).isEqualTo(report.getInteger("oov_words")).isEqualTo(1);
    assertThat(entities).isEqualTo(1);
    JsonObject plain = new JsonObject(send(http, post(server.port(), "/v1/rewrite", ACME_KEY,
        new JsonObject().put("text", text).put("epsilon", 10).encode()
            .getBytes(StandardCharsets.UTF_8))).body());
    assertThat(plain.getJsonArray("results").getJsonObject(0).containsKey("marks")).isFalse();
  }

  @Test
  void theNwCurveIsComputedInTheBackgroundAndRisesWithEpsilon() throws Exception {
    assertThat(send(http, get(server.port(), "/v1/nw-curve?mechanism=cmp", null)).statusCode())
        .isEqualTo(401);
    HttpResponse<String> unknown =
        send(http, get(server.port(), "/v1/nw-curve?mechanism=nope", TINY_KEY));
    assertThat(unknown.statusCode()).isEqualTo(422);
    HttpResponse<String> first = send(http, get(server.port(), "/v1/nw-curve?mechanism=cmp", TINY_KEY));
    assertThat(first.statusCode()).isEqualTo(503);
    assertThat(new JsonObject(first.body()).getJsonObject("error").getString("code"))
        .isEqualTo("calibrating");
    assertThat(first.headers().firstValue("Retry-After")).isPresent();
    HttpResponse<String> r = first;
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
    while (r.statusCode() == 503 && System.nanoTime() < deadline) {
      Thread.sleep(500);
      r = send(http, get(server.port(), "/v1/nw-curve?mechanism=cmp", TINY_KEY));
    }
    assertThat(r.statusCode()).isEqualTo(200);
    JsonObject curve = new JsonObject(r.body());
    JsonArray points = curve.getJsonArray("points");
    assertThat(points).hasSize(11);
    assertThat(curve.getInteger("words")).isEqualTo(200);
    assertThat(curve.getInteger("trials")).isEqualTo(20);
    double previous = -1;
    for (int i = 0; i < points.size(); i++) {
      double nw = points.getJsonObject(i).getDouble("median_nw");
      assertThat(nw).isBetween(0.0, 1.0).isGreaterThanOrEqualTo(previous);
      previous = nw;
    }
    assertThat(points.getJsonObject(0).getDouble("median_nw")).isLessThan(0.1);
    assertThat(points.getJsonObject(points.size() - 1).getDouble("median_nw")).isGreaterThan(0.9);
    assertThat(new JsonObject(send(http, get(server.port(), "/v1/budget", TINY_KEY)).body())
        .getDouble("spent")).as("the curve charges nothing").isEqualTo(0.0);
  }
}
