package io.dxrewrite.server;

import static io.dxrewrite.server.TestServers.ACME_KEY;
import static io.dxrewrite.server.TestServers.SECRET;
import static org.assertj.core.api.Assertions.assertThat;

import io.dxrewrite.server.ledger.PrivacyLedger;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Drives load at a server in a child JVM, kills it with SIGKILL mid-load, restarts it, and checks
 * that the ledger holds every acknowledged request with its exact charge; the only other entries
 * may be requests in flight at the kill (at most one per client thread).
 */
@Order(2)
class LedgerCrashTest {
  static final int CLIENTS = 4;

  @TempDir Path dir;

  @Test
  void afterKill9EveryAcknowledgedChargeIsInTheLedger() throws Exception {
    ServerConfig config = TestServers.config(dir, Map.of());
    ChildServer child = startChild(config, 1);
    Process server = child.process();
    int port = child.awaitReady(Duration.ofSeconds(90));
    HttpClient http = TestServers.client();
    Map<String, Double> acknowledged = new ConcurrentHashMap<>();
    AtomicBoolean stop = new AtomicBoolean();
    ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
    for (int c = 0; c < CLIENTS; c++) {
      int client = c;
      clients.execute(() -> {
        for (int i = 0; !stop.get(); i++) {
          String body = new JsonObject().put("texts", List.of("request " + i + " of " + client
              + " " + SECRET, "and one more line")).put("epsilon", 1 + (i % 7)).encode();
          try {
            HttpResponse<String> r = http.send(
                TestServers.post(port, "/v1/rewrite", ACME_KEY, body.getBytes(StandardCharsets.UTF_8)),
                HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 200) {
              JsonObject json = new JsonObject(r.body());
              acknowledged.put(json.getString("request_id"), json.getDouble("total_epsilon"));
            }
          } catch (Exception e) {
            return;
          }
        }
      });
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (acknowledged.size() < 150 && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    server.destroyForcibly();
    assertThat(server.waitFor(30, TimeUnit.SECONDS)).isTrue();
    stop.set(true);
    clients.shutdown();
    assertThat(clients.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
    assertThat(acknowledged.size()).isGreaterThanOrEqualTo(100);

    Map<String, Double> ledger = new java.util.HashMap<>();
    for (String line : Files.readAllLines(config.ledger()).subList(1, Files.readAllLines(config.ledger()).size())) {
      String[] f = line.split("\t");
      if (f.length == 6) {
        ledger.put(f[3], Double.parseDouble(f[4]));
      }
    }
    double acknowledgedTotal = 0;
    for (Map.Entry<String, Double> e : acknowledged.entrySet()) {
      assertThat(ledger).as("acknowledged request in ledger").containsEntry(e.getKey(), e.getValue());
      acknowledgedTotal += e.getValue();
    }
    List<String> unacknowledged = new ArrayList<>(ledger.keySet());
    unacknowledged.removeAll(acknowledged.keySet());
    assertThat(unacknowledged.size()).isLessThanOrEqualTo(CLIENTS);
    double inFlight = unacknowledged.stream().mapToDouble(ledger::get).sum();

    ChildServer restarted = startChild(config, 2);
    try {
      int port2 = restarted.awaitReady(Duration.ofSeconds(90));
      JsonObject budget = new JsonObject(TestServers.send(http,
          TestServers.get(port2, "/v1/budget", ACME_KEY)).body());
      assertThat(budget.getDouble("spent")).isCloseTo(acknowledgedTotal + inFlight,
          org.assertj.core.data.Offset.offset(1e-6));
    } finally {
      assertThat(restarted.stop()).as("graceful stop within 60 s").isTrue();
    }
    try (PrivacyLedger reopened = PrivacyLedger.open(config.ledger())) {
      assertThat(reopened.spent("acme")).isCloseTo(acknowledgedTotal + inFlight,
          org.assertj.core.data.Offset.offset(1e-6));
    }
  }

  private ChildServer startChild(ServerConfig config, int run) throws Exception {
    return ChildServer.start(Map.of(
            "DX_REWRITE_CONFIG", dir.resolve("server.json").toString(),
            "DX_REWRITE_PORT", "0",
            "DX_REWRITE_LEDGER", config.ledger().toString(),
            "DX_REWRITE_WORKERS", "2"),
        Path.of("target/crash-child-" + run + ".log"), "1g");
  }
}
