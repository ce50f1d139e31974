package io.dxrewrite.server;

import static io.dxrewrite.server.TestServers.ACME_KEY;
import static io.dxrewrite.server.TestServers.SECRET;
import static org.assertj.core.api.Assertions.assertThat;

import io.dxrewrite.server.ledger.LedgerEntry;
import io.dxrewrite.server.ledger.PrivacyLedger;
import io.dxrewrite.server.ledger.SubjectCharge;
import io.dxrewrite.server.ledger.SubjectKeys;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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
 * may be requests in flight at the kill (at most one per client thread). The records name data
 * subjects: every subject's total must equal the sum of its committed records' charges, hold
 * every acknowledged one, and read the same through {@code GET /v1/budget?subject=} after the
 * restart.
 */
@Order(2)
class LedgerCrashTest {
  static final int CLIENTS = 4;

  /** Subjects the records are spread over. */
  static final int SUBJECTS = 5;

  static String subject(int n) {
    return "person-" + n + "@example.org";
  }

  @TempDir Path dir;

  @Test
  void afterKill9EveryAcknowledgedChargeIsInTheLedger() throws Exception {
    ServerConfig config = TestServers.config(dir, Map.of());
    SubjectKeys keys = new SubjectKeys(TestServers.SUBJECT_SECRET);
    ChildServer child = startChild(config, 1);
    Process server = child.process();
    int port = child.awaitReady(Duration.ofSeconds(90));
    HttpClient http = TestServers.client();
    Map<String, Double> acknowledged = new ConcurrentHashMap<>();
    Map<String, Double> acknowledgedBySubject = new ConcurrentHashMap<>();
    AtomicBoolean stop = new AtomicBoolean();
    ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
    for (int c = 0; c < CLIENTS; c++) {
      int client = c;
      clients.execute(() -> {
        for (int i = 0; !stop.get(); i++) {
          List<String> subjects = List.of(subject((i + client) % SUBJECTS),
              subject((i + client + 1) % SUBJECTS));
          String body = new JsonObject().put("texts", List.of("request " + i + " of " + client
              + " " + SECRET, "and one more line")).put("subjects", subjects)
              .put("epsilon", 1 + (i % 7)).encode();
          try {
            HttpResponse<String> r = http.send(
                TestServers.post(port, "/v1/rewrite", ACME_KEY, body.getBytes(StandardCharsets.UTF_8)),
                HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 200) {
              JsonObject json = new JsonObject(r.body());
              acknowledged.put(json.getString("request_id"), json.getDouble("total_epsilon"));
              for (int k = 0; k < 2; k++) {
                acknowledgedBySubject.merge(subjects.get(k), json.getJsonArray("results")
                    .getJsonObject(k).getJsonObject("report").getDouble("total_epsilon"),
                    Double::sum);
              }
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
    Map<String, Double> committedBySubject = new java.util.HashMap<>();
    Map<String, Double> subjectTotals = new java.util.HashMap<>();
    try (PrivacyLedger reopened = PrivacyLedger.open(config.ledger())) {
      for (LedgerEntry e : reopened.entries()) {
        ledger.put(e.requestId(), e.epsilon());
        for (SubjectCharge c : e.subjects()) {
          committedBySubject.merge(c.subjectKey(), c.epsilon(), Double::sum);
        }
      }
      for (int n = 0; n < SUBJECTS; n++) {
        subjectTotals.put(subject(n), reopened.subjectSpent("acme", keys.key("acme", subject(n))));
      }
    }
    for (int n = 0; n < SUBJECTS; n++) {
      String key = keys.key("acme", subject(n));
      assertThat(subjectTotals.get(subject(n))).as("subject total = its committed records")
          .isCloseTo(committedBySubject.getOrDefault(key, 0.0),
              org.assertj.core.data.Offset.offset(1e-6));
      assertThat(subjectTotals.get(subject(n))).as("subject total holds every acknowledged record")
          .isGreaterThanOrEqualTo(acknowledgedBySubject.getOrDefault(subject(n), 0.0) - 1e-6);
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
      for (int n = 0; n < SUBJECTS; n++) {
        JsonObject subjectBudget = new JsonObject(TestServers.send(http, TestServers.get(port2,
            "/v1/budget?tenant=acme&subject=" + java.net.URLEncoder.encode(subject(n),
                StandardCharsets.UTF_8), TestServers.OPERATOR_KEY)).body());
        assertThat(subjectBudget.getJsonObject("subject").getDouble("spent"))
            .isEqualTo(subjectTotals.get(subject(n)));
      }
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
            "DX_REWRITE_WORKERS", "2",
            "DX_REWRITE_OPERATOR_KEY", TestServers.OPERATOR_KEY),
        Path.of("target/crash-child-" + run + ".log"), "1g");
  }
}
