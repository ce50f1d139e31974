package io.dxrewrite.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.dxrewrite.rewrite.PrivacyReport;
import io.dxrewrite.rewrite.RewriteOptions;
import io.dxrewrite.rewrite.RewriteResult;
import io.dxrewrite.server.ledger.TenantBudgets;
import io.dxrewrite.server.ledger.PrivacyLedger;
import io.dxrewrite.server.observability.ServerMetrics;
import io.dxrewrite.server.rewrite.RewriteService;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The streaming handler keeps its per-stream state (the queue of lines in flight, pause flags)
 * without locks, so every completion must arrive on the stream's own event loop. A rewrite service
 * that completes on its own worker thread, as the real one does, must not drag the callbacks onto
 * that thread or onto another event loop.
 */
class ChargedRewriteTest {
  @TempDir Path dir;

  @Test
  void resultsCompleteOnTheCallersEventLoop() throws Exception {
    Vertx vertx = Vertx.vertx();
    ExecutorService worker = Executors.newFixedThreadPool(2);
    RewriteService service = new RewriteService() {
      @Override
      public CompletableFuture<List<RewriteResult>> rewrite(String tenant, List<String> texts,
          RewriteOptions options, long firstRecordKey, BooleanSupplier stillWanted) {
        return CompletableFuture.supplyAsync(() -> List.of(new RewriteResult("x",
            PrivacyReport.builder().mechanism("cmp").epsilonPerWord(10).words(1)
                .wordsPerturbed(1).build())), worker);
      }

      @Override
      public void close() {}
    };
    try (PrivacyLedger ledger = PrivacyLedger.open(dir.resolve("ledger.log"))) {
      ChargedRewrite charged = new ChargedRewrite(vertx,
          new TenantBudgets(ledger, tenant -> 1e9), new ServerMetrics());
      RewriteOptions options = RewriteOptions.builder().epsilon(10).build();
      int calls = 32;
      List<String> mismatches = Collections.synchronizedList(new ArrayList<>());
      CountDownLatch done = new CountDownLatch(calls);
      for (int i = 0; i < calls; i++) {
        int n = i;
        vertx.runOnContext(v -> {
          Thread origin = Thread.currentThread();
          charged.run(service, "t", "r" + n, List.of("x"), options, new Deadline())
              .onComplete(ar -> {
                if (ar.failed() || Thread.currentThread() != origin) {
                  mismatches.add(origin.getName() + " -> " + Thread.currentThread().getName()
                      + (ar.failed() ? " " + ar.cause() : ""));
                }
                done.countDown();
              });
        });
      }
      assertThat(done.await(60, TimeUnit.SECONDS)).isTrue();
      assertThat(mismatches).isEmpty();
      assertThat(ledger.spent("t")).isEqualTo(10.0 * calls);
    } finally {
      worker.shutdown();
      vertx.close().await();
    }
  }
}
