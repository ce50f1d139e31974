package io.dxrewrite.server;

import static io.dxrewrite.server.TestServers.ACME_KEY;
import static io.dxrewrite.server.TestServers.SECRET;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several streams at once, with single requests of a different word count sharing their
 * nearest-neighbour batches: every stream gets every line back once, in order, with its own word
 * count. Guards the stream's per-request state against callbacks arriving on foreign threads.
 */
class StreamConcurrencyTest {
  static final int ROUNDS = 5;
  static final int STREAMS = 3;
  static final int LINES = 200;

  @TempDir Path dir;

  @Test
  void concurrentStreamsAnswerEveryLineOnceInOrder() throws Exception {
    try (DxRewriteServer server = DxRewriteServer.start(TestServers.config(dir, Map.of()))) {
      server.loaded().await(120, TimeUnit.SECONDS);
      HttpClient http = TestServers.client();
      int port = server.port();
      StringBuilder in = new StringBuilder();
      for (int i = 0; i < LINES; i++) {
        in.append(new JsonObject().put("text", "line " + i + " " + SECRET).encode()).append('\n');
      }
      List<String> failures = new ArrayList<>();
      for (int round = 0; round < ROUNDS; round++) {
        List<CompletableFuture<HttpResponse<String>>> streams = new ArrayList<>();
        for (int s = 0; s < STREAMS; s++) {
          streams.add(http.sendAsync(HttpRequest.newBuilder(
                  URI.create("http://127.0.0.1:" + port + "/v1/rewrite/stream?epsilon=10"))
              .header("Authorization", "Bearer " + ACME_KEY)
              .POST(HttpRequest.BodyPublishers.ofString(in.toString())).build(),
              HttpResponse.BodyHandlers.ofString()));
        }
        List<CompletableFuture<HttpResponse<String>>> singles = new ArrayList<>();
        for (int k = 0; k < 5; k++) {
          singles.add(http.sendAsync(TestServers.post(port, "/v1/rewrite", ACME_KEY,
                  "{\"text\": \"one two three four five six\", \"epsilon\": 10}"
                      .getBytes(StandardCharsets.UTF_8)),
              HttpResponse.BodyHandlers.ofString()));
        }
        for (CompletableFuture<HttpResponse<String>> single : singles) {
          JsonObject r = new JsonObject(single.get(60, TimeUnit.SECONDS).body());
          assertThat(r.getJsonArray("results").getJsonObject(0).getJsonObject("report")
              .getInteger("words")).isEqualTo(6);
        }
        for (CompletableFuture<HttpResponse<String>> stream : streams) {
          List<String> lines = stream.get(60, TimeUnit.SECONDS).body().lines().toList();
          if (lines.size() != LINES) {
            failures.add("round " + round + ": " + lines.size() + " lines");
          }
          for (int i = 0; i < lines.size(); i++) {
            JsonObject line = new JsonObject(lines.get(i));
            JsonObject report = line.getJsonObject("report");
            if (line.getInteger("line") != i + 1 || report == null
                // SECRET's number, and a line number of 3+ digits, are <NUMBER>s
                || report.getInteger("words") != (i >= 100 ? 3 : 4)) {
              failures.add("round " + round + ", output line " + (i + 1) + ": " + lines.get(i));
            }
          }
        }
      }
      assertThat(failures).isEmpty();
    }
  }
}
