package io.dxrewrite.spark.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dxrewrite.progress.ProgressListener;
import io.dxrewrite.embeddings.DefaultEmbeddings;
import io.dxrewrite.embeddings.EmbeddingStore;
import io.dxrewrite.embeddings.OutputVocabulary;
import io.dxrewrite.mechanism.MechanismContext;
import io.dxrewrite.nn.IndexKind;
import io.dxrewrite.rewrite.RewriteOptions;
import io.dxrewrite.rewrite.Rewriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Records/s of the plain library in one JVM on a JSONL corpus, the baseline of {@code
 * scripts/spark-cluster-test.sh}: the same store, index kind, output vocabulary (letters),
 * epsilon and batch size (512 records) as the Spark runs, {@code threads} threads each rewriting
 * whole batches with one shared {@link Rewriter}, SecureRandom noise. Not a test.
 *
 * <p>Arguments: {@code INPUT.jsonl THREADS EPSILON [STORE]}; prints one line {@code library:
 * RECORDS records, SECONDS s, RATE records/s} (reading the file is not timed).
 */
public final class LibraryThroughput {
  private static final int BATCH = 512;

  private LibraryThroughput() {}

  /**
   * @param args input, threads, epsilon per word, optional store path
   * @throws Exception on failure
   */
  public static void main(String[] args) throws Exception {
    ObjectMapper json = new ObjectMapper();
    List<String> texts = new ArrayList<>();
    for (String line : Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8)) {
      if (!line.isBlank()) {
        texts.add(json.readTree(line).get("text").asText());
      }
    }
    int threads = Integer.parseInt(args[1]);
    RewriteOptions options = RewriteOptions.builder().epsilon(Double.parseDouble(args[2])).build();
    EmbeddingStore store = args.length > 3 ? EmbeddingStore.open(Path.of(args[3])) : DefaultEmbeddings.open();
    IndexKind kind = IndexKind.SIMD;
    Rewriter rewriter =
        new Rewriter(
            MechanismContext.of(store, kind.create(store), ProgressListener.NONE)
                .restrictOutputs(OutputVocabulary.LETTERS, kind::create));
    rewriter.rewriteBatch(texts.subList(0, Math.min(BATCH, texts.size())), options); // index warm-up
    long start = System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<Integer>> done = new ArrayList<>();
    for (int from = 0; from < texts.size(); from += BATCH) {
      List<String> batch = texts.subList(from, Math.min(from + BATCH, texts.size()));
      done.add(pool.submit(() -> rewriter.rewriteBatch(batch, options).size()));
    }
    long records = 0;
    for (Future<Integer> f : done) {
      records += f.get();
    }
    pool.shutdown();
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf(
        Locale.ROOT, "library: %d records, %.1f s, %.0f records/s (%d threads)%n",
        records, seconds, records / seconds, threads);
  }
}
