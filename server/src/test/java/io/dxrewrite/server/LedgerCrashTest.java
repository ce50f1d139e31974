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
    Process server = startChild(config, 1);
    int port = awaitPort(server, 1);
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

    Process restarted = startChild(config, 2);
    try {
      int port2 = awaitPort(restarted, 2);
      JsonObject budget = new JsonObject(TestServers.send(http,
          TestServers.get(port2, "/v1/budget", ACME_KEY)).body());
      assertThat(budget.getDouble("spent")).isCloseTo(acknowledgedTotal + inFlight,
          org.assertj.core.data.Offset.offset(1e-6));
    } finally {
      restarted.destroy();
      assertThat(restarted.waitFor(60, TimeUnit.SECONDS)).isTrue();
    }
    try (PrivacyLedger reopened = PrivacyLedger.open(config.ledger())) {
      assertThat(reopened.spent("acme")).isCloseTo(acknowledgedTotal + inFlight,
          org.assertj.core.data.Offset.offset(1e-6));
    }
  }

  private Process startChild(ServerConfig config, int run) throws Exception {
    String classpath = Files.readString(Path.of(System.getProperty("dxrewrite.testClasspath")))
        .strip() + java.io.File.pathSeparator + Path.of("target/classes").toAbsolutePath();
    Path config2 = dir.resolve("server.json");
    ProcessBuilder pb = new ProcessBuilder(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g",
        "-Dvertx.logger-delegate-factory-class-name=io.vertx.core.logging.SLF4JLogDelegateFactory",
        "-cp", classpath, ServerMain.class.getName());
    pb.environment().put("DX_REWRITE_CONFIG", config2.toString());
    pb.environment().put("DX_REWRITE_PORT", "0");
    pb.environment().put("DX_REWRITE_LEDGER", config.ledger().toString());
    pb.environment().put("DX_REWRITE_WORKERS", "2");
    pb.redirectErrorStream(true);
    Path log = Path.of("target/crash-child-" + run + ".log");
    Files.deleteIfExists(log);
    pb.redirectOutput(log.toFile());
    return pb.start();
  }

  /** Reads the bound port from the child's log line "listening on http://host:port". */
  private int awaitPort(Process child, int run) throws Exception {
    Path log = Path.of("target/crash-child-" + run + ".log");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    while (System.nanoTime() < deadline && child.isAlive()) {
      List<String> lines = Files.readAllLines(log);
      for (int i = lines.size() - 1; i >= 0; i--) {
        String l = lines.get(i);
        if (l.contains("embeddings loaded")) {
          for (int j = i; j >= 0; j--) {
            int at = lines.get(j).indexOf("listening on http://127.0.0.1:");
            if (at >= 0) {
              String rest = lines.get(j).substring(at + "listening on http://127.0.0.1:".length());
              return Integer.parseInt(rest.substring(0, rest.indexOf(';')));
            }
          }
        }
      }
      Thread.sleep(100);
    }
    throw new AssertionError("child server did not become ready");
  }
}
