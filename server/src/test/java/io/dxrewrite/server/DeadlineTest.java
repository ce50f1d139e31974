package io.dxrewrite.server;

import static io.dxrewrite.server.TestServers.ACME_KEY;
import static io.dxrewrite.server.TestServers.SECRET;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A request past its deadline gets 503 with Retry-After and is never charged. */
@Order(1)
class DeadlineTest {
  @TempDir Path dir;

  @Test
  void pastTheDeadlineAnswers503AndChargesNothing() throws Exception {
    try (DxRewriteServer server =
        DxRewriteServer.start(TestServers.config(dir, Map.of("deadline_ms", "1")))) {
      server.loaded().await(120, TimeUnit.SECONDS);
      HttpClient http = TestServers.client();
      StringBuilder texts = new StringBuilder("{\"epsilon\": 10, \"texts\": [");
      for (int i = 0; i < 500; i++) {
        texts.append(i == 0 ? "" : ",").append("\"a long enough sentence about ").append(SECRET)
            .append(" number ").append(i).append("\"");
      }
      texts.append("]}");
      HttpResponse<String> r = TestServers.send(http, TestServers.post(server.port(), "/v1/rewrite",
          ACME_KEY, texts.toString().getBytes(StandardCharsets.UTF_8)));
      assertThat(r.statusCode()).isEqualTo(503);
      assertThat(r.headers().firstValue("Retry-After")).contains("1");
      assertThat(new JsonObject(r.body()).getJsonObject("error").getString("code"))
          .isEqualTo("deadline_exceeded");
      Thread.sleep(2000);  // let the abandoned work finish: it must not be charged
      JsonObject budget = new JsonObject(TestServers.send(http,
          TestServers.get(server.port(), "/v1/budget", ACME_KEY)).body());
      assertThat(budget.getDouble("spent")).isEqualTo(0.0);
    }
  }
}
