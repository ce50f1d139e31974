package io.dxrewrite.server.load;

import io.dxrewrite.embeddings.DefaultEmbeddings;
import io.dxrewrite.embeddings.EmbeddingStore;
import io.dxrewrite.nn.Nd4jExactIndex;
import io.dxrewrite.rewrite.RewriteOptions;
import io.dxrewrite.rewrite.RewriteResult;
import io.dxrewrite.rewrite.Rewriter;
import io.dxrewrite.server.ChildServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Bounded load test of the HTTP server on loopback, with the in-process library as the baseline,
 * in one run: {@code scripts/load-test.sh} builds and runs it.
 *
 * <p>It starts the server ({@link io.dxrewrite.server.ServerMain}) in a child JVM on 127.0.0.1
 * (ephemeral port, auth off, a fresh ledger in a temporary folder, {@code workers} rewrite
 * threads), then, for each of {@code rounds} rounds, measures four phases back to back, each
 * bounded by {@code seconds} and {@code max-requests} and preceded by an unmeasured warm-up:
 *
 * <ol>
 *   <li>library, single sentences: {@code workers} threads call {@link Rewriter#rewriteBatch} on
 *       one 20-word sentence at a time;
 *   <li>server, single sentences: {@code clients-single} HTTP clients post {@code {"text": ...}};
 *   <li>library, batches: {@code workers} threads call {@code rewriteBatch} on 100 sentences;
 *   <li>server, batches: {@code clients-batch} HTTP clients post {@code {"texts": [100]}}.
 * </ol>
 *
 * All calls use the same mechanism (cmp), epsilon and {@code SecureRandom} noise (no seed), so
 * the server and the library do the same work. Words are the rewriter's word tokens (a report's
 * {@code words}); the warm-up checks that the server's reports count exactly those. The client
 * runs on the same machine, so on a small machine it takes CPU from the server: the ratio is a
 * lower bound on what the server achieves with the client elsewhere.
 *
 * <p>Arguments ({@code --name value}, all optional): {@code seconds} (10), {@code warmup} (3),
 * {@code max-requests} (100000), {@code rounds} (2), {@code epsilon} (10), {@code workers}
 * (cores), {@code clients-single} (8), {@code clients-batch} (2), {@code batch} (100), {@code
 * sentences} ({@code ../examples/amazon-sentences.txt}).
 */
public final class LoadGenerator {
  private final Map<String, String> args;
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(10)).build();

  private LoadGenerator(Map<String, String> args) {
    this.args = args;
  }

  /**
   * @param argv {@code --name value} pairs, see the class documentation
   */
  public static void main(String[] argv) throws Exception {
    Map<String, String> args = new HashMap<>();
    for (int i = 0; i + 1 < argv.length; i += 2) {
      if (!argv[i].startsWith("--")) {
        throw new IllegalArgumentException("expected --name value pairs, got " + argv[i]);
      }
      args.put(argv[i].substring(2), argv[i + 1]);
    }
    if (argv.length % 2 != 0) {
      throw new IllegalArgumentException("expected --name value pairs");
    }
    new LoadGenerator(args).run();
  }

  private String arg(String name, String fallback) {
    return args.getOrDefault(name, fallback);
  }

  private void run() throws Exception {
    double seconds = Double.parseDouble(arg("seconds", "10"));
    double warmup = Double.parseDouble(arg("warmup", "3"));
    long maxRequests = Long.parseLong(arg("max-requests", "100000"));
    int rounds = Integer.parseInt(arg("rounds", "2"));
    double epsilon = Double.parseDouble(arg("epsilon", "10"));
    int workers = Integer.parseInt(arg("workers",
        String.valueOf(Runtime.getRuntime().availableProcessors())));
    int clientsSingle = Integer.parseInt(arg("clients-single", "8"));
    int clientsBatch = Integer.parseInt(arg("clients-batch", "2"));
    int batch = Integer.parseInt(arg("batch", "100"));
    LoadSentences sentences = LoadSentences.read(
        Path.of(arg("sentences", "../examples/amazon-sentences.txt")), batch);
    System.out.printf(Locale.ROOT, "inputs: %d sentences of %d words; %d batches of %d sentences"
            + " (%d words on average); epsilon %s, cmp, unseeded; %d workers; load average %s%n",
        sentences.singles().size(), LoadSentences.SINGLE_WORDS, sentences.batches().size(), batch,
        sentences.batches().stream().mapToInt(LoadSentences::words).sum()
            / sentences.batches().size(),
        epsilon, workers, loadAverage());

    EmbeddingStore store = DefaultEmbeddings.open();
    Rewriter library = new Rewriter(store, new Nd4jExactIndex(store));
    RewriteOptions options = RewriteOptions.builder().epsilon(epsilon).build();

    Path dir = Files.createTempDirectory("dx-rewrite-load");
    Path log = Path.of("target/load-server.log");
    ChildServer server = ChildServer.start(Map.of(
        "DX_REWRITE_PORT", "0",
        "DX_REWRITE_HOST", "127.0.0.1",
        "DX_REWRITE_LEDGER", dir.resolve("ledger.log").toString(),
        "DX_REWRITE_WORKERS", String.valueOf(workers),
        "DX_REWRITE_DEFAULT_BUDGET", "1e300"), log, "2g");
    List<Throughput> all = new ArrayList<>();
    try {
      int port = server.awaitReady(Duration.ofSeconds(180));
      URI rewrite = URI.create("http://127.0.0.1:" + port + "/v1/rewrite");
      System.out.printf("server: child JVM on 127.0.0.1:%d, log %s%n", port, log);
      checkWordCounts(rewrite, sentences, epsilon);

      ClosedLoop.Call librarySingle = (c, n) -> {
        String s = sentences.singles().get((int) (n % sentences.singles().size()));
        return words(library.rewriteBatch(List.of(s), options));
      };
      ClosedLoop.Call serverSingle = (c, n) -> {
        String s = sentences.singles().get((int) (n % sentences.singles().size()));
        post(rewrite, new JsonObject().put("text", s).put("epsilon", epsilon));
        return LoadSentences.SINGLE_WORDS;
      };
      ClosedLoop.Call libraryBatch = (c, n) -> {
        List<String> b = sentences.batches().get((int) (n % sentences.batches().size()));
        return words(library.rewriteBatch(b, options));
      };
      ClosedLoop.Call serverBatch = (c, n) -> {
        List<String> b = sentences.batches().get((int) (n % sentences.batches().size()));
        post(rewrite, new JsonObject().put("texts", new JsonArray(b)).put("epsilon", epsilon));
        return LoadSentences.words(b);
      };
      for (int round = 1; round <= rounds; round++) {
        System.out.printf(Locale.ROOT, "round %d (load average %s)%n", round, loadAverage());
        all.add(phase("library, single 20-word sentences", workers, warmup, seconds, maxRequests,
            librarySingle));
        all.add(phase("server, single 20-word sentences", clientsSingle, warmup, seconds,
            maxRequests, serverSingle));
        all.add(phase("library, batches of " + batch, workers, warmup, seconds, maxRequests,
            libraryBatch));
        all.add(phase("server, batches of " + batch, clientsBatch, warmup, seconds, maxRequests,
            serverBatch));
      }
    } finally {
      server.stop();
    }
    System.out.println();
    System.out.printf(Locale.ROOT, "summary over %d rounds (load average %s at the end):%n",
        rounds, loadAverage());
    ratio(all, "single 20-word sentences");
    ratio(all, "batches of " + batch);
  }

  private static Throughput phase(String name, int clients, double warmup, double seconds,
      long maxRequests, ClosedLoop.Call call) throws InterruptedException {
    ClosedLoop.run(name + " (warm-up)", clients, warmup, maxRequests, call);
    Throughput t = ClosedLoop.run(name, clients, seconds, maxRequests, call);
    System.out.println("  " + t.summary());
    return t;
  }

  /** Prints server words/s over library words/s for one input shape, per round and in total. */
  private static void ratio(List<Throughput> all, String shape) {
    long serverWords = 0;
    long libraryWords = 0;
    double serverSeconds = 0;
    double librarySeconds = 0;
    for (Throughput t : all) {
      if (t.name().endsWith(shape)) {
        if (t.name().startsWith("server")) {
          serverWords += t.words();
          serverSeconds += t.seconds();
        } else {
          libraryWords += t.words();
          librarySeconds += t.seconds();
        }
      }
    }
    double server = serverWords / serverSeconds;
    double library = libraryWords / librarySeconds;
    System.out.printf(Locale.ROOT,
        "  %-26s server %9.0f words/s, library %9.0f words/s: server/library = %.0f%%%n",
        shape + ":", server, library, 100 * server / library);
  }

  /** Checks once that the server's reports count the words this generator credits it with. */
  private void checkWordCounts(URI rewrite, LoadSentences sentences, double epsilon)
      throws Exception {
    List<String> batch = sentences.batches().get(0);
    JsonObject body = new JsonObject(post(rewrite, new JsonObject()
        .put("texts", new JsonArray(batch)).put("epsilon", epsilon)));
    long reported = 0;
    for (Object r : body.getJsonArray("results")) {
      reported += ((JsonObject) r).getJsonObject("report").getLong("words");
    }
    if (reported != LoadSentences.words(batch)) {
      throw new IllegalStateException("server reported " + reported + " words, expected "
          + LoadSentences.words(batch));
    }
  }

  /** Posts and returns the body, unparsed (parsing would take the server's CPU on one machine). */
  private String post(URI uri, JsonObject body) throws Exception {
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri)
            .timeout(Duration.ofSeconds(60))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body.encode(), StandardCharsets.UTF_8))
            .build(),
        HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new IllegalStateException("HTTP " + r.statusCode());
    }
    return r.body();
  }

  private static long words(List<RewriteResult> results) {
    return results.stream().mapToLong(r -> r.report().words()).sum();
  }

  private static String loadAverage() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return f[0] + " " + f[1] + " " + f[2];
    } catch (Exception e) {
      return "unknown";
    }
  }
}
