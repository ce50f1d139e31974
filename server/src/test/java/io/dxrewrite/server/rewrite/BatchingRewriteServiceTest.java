package io.dxrewrite.server.rewrite;

import static org.assertj.core.api.Assertions.assertThat;

import io.dxrewrite.embeddings.DefaultEmbeddings;
import io.dxrewrite.embeddings.EmbeddingStore;
import io.dxrewrite.nn.IndexKind;
import io.dxrewrite.rewrite.RewriteOptions;
import io.dxrewrite.rewrite.RewriteResult;
import io.dxrewrite.rewrite.Rewriter;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Which requests share a nearest-neighbour batch, and which record keys they get. */
class BatchingRewriteServiceTest {
  static final RewriteOptions OPTIONS = RewriteOptions.builder().epsilon(10).build();

  /**
   * One worker, held busy by a first job, while a job of tenant b and then one of tenant a queue
   * up with the same options. If a and b shared a batch, b would still be pending when a's batch
   * is checked; with batches per tenant, b's batch has finished by then.
   */
  @Test
  void requestsOfDifferentTenantsNeverShareABatch() throws Exception {
    EmbeddingStore store = DefaultEmbeddings.open();
    Rewriter rewriter = new Rewriter(store, IndexKind.fromCliName("auto").create(store));
    try (BatchingRewriteService service = new BatchingRewriteService(rewriter, 1, 1024)) {
      CountDownLatch release = new CountDownLatch(1);
      CountDownLatch holding = new CountDownLatch(1);
      CompletableFuture<List<RewriteResult>> first = service.rewrite("a", List.of("hold on"),
          OPTIONS, 0, () -> {
            holding.countDown();
            await(release);
            return true;
          });
      assertThat(holding.await(30, TimeUnit.SECONDS)).isTrue();
      AtomicReference<CompletableFuture<List<RewriteResult>>> ofB = new AtomicReference<>();
      AtomicReference<Boolean> bDoneWhenAStarted = new AtomicReference<>();
      ofB.set(service.rewrite("b", List.of("another tenant's words"), OPTIONS, 0, () -> true));
      CompletableFuture<List<RewriteResult>> ofA = service.rewrite("a",
          List.of("the first tenant again"), OPTIONS, 0, () -> {
            bDoneWhenAStarted.set(ofB.get().isDone());
            return true;
          });
      release.countDown();
      first.get(60, TimeUnit.SECONDS);
      ofA.get(60, TimeUnit.SECONDS);
      ofB.get().get(60, TimeUnit.SECONDS);
      assertThat(bDoneWhenAStarted.get()).as("b's batch finished before a's started").isTrue();
    }
  }

  /** With a seed, a record's noise depends on (seed, record key): key 3 alone = index 3 of 0..5. */
  @Test
  void recordKeysStartAtTheGivenKey() throws Exception {
    EmbeddingStore store = DefaultEmbeddings.open();
    Rewriter rewriter = new Rewriter(store, IndexKind.fromCliName("auto").create(store));
    RewriteOptions seeded = RewriteOptions.builder().epsilon(6).seed(5).build();
    String text = "the quick brown fox jumps over the lazy dog near the river bank";
    List<RewriteResult> batch = rewriter.rewriteBatch(
        List.of(text, text, text, text, text, text), seeded);
    try (BatchingRewriteService service = new BatchingRewriteService(rewriter, 1, 1024)) {
      for (int key = 0; key < 6; key++) {
        assertThat(service.rewrite("a", List.of(text), seeded, key, () -> true)
                .get(60, TimeUnit.SECONDS).get(0).text())
            .as("record key %d", key).isEqualTo(batch.get(key).text());
      }
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
