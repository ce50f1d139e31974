package io.dxrewrite.spark.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dxrewrite.embeddings.DefaultEmbeddings;
import io.dxrewrite.embeddings.EmbeddingStore;
import io.dxrewrite.nn.Nd4jExactIndex;
import io.dxrewrite.rewrite.RewriteOptions;
import io.dxrewrite.rewrite.RewriteResult;
import io.dxrewrite.rewrite.Rewriter;
import io.dxrewrite.spark.DxRewrite;
import io.dxrewrite.spark.RewriteMetrics;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.bytedeco.javacpp.Pointer;

/**
 * Words/s of the Spark transformation on local[2] against the plain library on the same corpus, in
 * one JVM, plus the memory the executor (in local mode: this JVM) holds. Not a test: run it with
 * {@code scripts/bench-spark.sh}.
 *
 * <p>Corpus: {@code examples/amazon-sentences.jsonl} repeated {@code copies} times. All runs use
 * the production path (SecureRandom, no seed), the embedded 20k store and batches of 512 records;
 * each measured run is preceded by a warm-up run, and the rounds alternate library and Spark so
 * that load from other processes hits both alike.
 */
public final class SparkThroughputBenchmark {
  private static final int BATCH = 512;

  private SparkThroughputBenchmark() {}

  /**
   * @param args {@code [copies] [rounds]}: corpus repetitions (default 20) and measured rounds
   *     (default 3)
   * @throws Exception on failure
   */
  public static void main(String[] args) throws Exception {
    int copies = args.length > 0 ? Integer.parseInt(args[0]) : 20;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    List<String> texts = corpus(copies);
    RewriteOptions options = RewriteOptions.builder().epsilon(10).build();

    Rewriter library = new Rewriter(DefaultEmbeddings.open(), new Nd4jExactIndex(DefaultEmbeddings.open()));
    long words = countWords(library, texts.subList(0, texts.size() / copies)) * copies;
    System.out.printf(Locale.ROOT, "corpus: %d records, %d words (examples x %d)%n", texts.size(), words, copies);
    System.out.printf(Locale.ROOT, "memory, library only: %s%n", memory());

    SparkSession spark =
        SparkSession.builder()
            .master("local[2]")
            .appName("dx-rewrite-bench")
            .config("spark.ui.enabled", "false")
            .config("spark.driver.bindAddress", "127.0.0.1")
            .config("spark.driver.host", "127.0.0.1")
            .getOrCreate();
    StructType schema =
        new StructType().add("id", DataTypes.LongType).add("text", DataTypes.StringType);
    List<Row> rows = new ArrayList<>(texts.size());
    for (int i = 0; i < texts.size(); i++) {
      rows.add(RowFactory.create((long) i, texts.get(i)));
    }
    Dataset<Row> input =
        spark.createDataFrame(
            JavaSparkContext.fromSparkContext(spark.sparkContext()).parallelize(rows, 8), schema);
    input.cache().count();

    // long-lived threads, like Spark's task threads: each keeps its index workspace
    ExecutorService one = Executors.newFixedThreadPool(1);
    ExecutorService two = Executors.newFixedThreadPool(2);
    double[] lib1 = new double[rounds];
    double[] lib2 = new double[rounds];
    double[] sparkRate = new double[rounds];
    for (int round = -1; round < rounds; round++) {
      double a = words / time(() -> libraryRun(library, texts, options, one, 1));
      double b = words / time(() -> libraryRun(library, texts, options, two, 2));
      RewriteMetrics metrics = RewriteMetrics.register(spark.sparkContext());
      double c =
          words
              / time(() ->
                  DxRewrite.defaults().withMetrics(metrics).apply(input, "text", options)
                      .write().format("noop").mode("overwrite").save());
      if (metrics.words().value() != words) {
        throw new IllegalStateException("spark saw " + metrics.words().value() + " words, expected " + words);
      }
      if (round >= 0) {
        lib1[round] = a;
        lib2[round] = b;
        sparkRate[round] = c;
        System.out.printf(
            Locale.ROOT,
            "round %d: library 1 thread %.0f words/s, library 2 threads %.0f words/s, spark local[2] %.0f words/s%n",
            round + 1, a, b, c);
      }
    }
    double m1 = median(lib1);
    double m2 = median(lib2);
    double ms = median(sparkRate);
    System.out.printf(
        Locale.ROOT,
        "median words/s: library 1 thread %.0f, library 2 threads %.0f, spark local[2] %.0f%n", m1, m2, ms);
    System.out.printf(
        Locale.ROOT,
        "ratio spark local[2] / library 1 thread = %.2f; spark local[2] / library 2 threads = %.2f%n",
        ms / m1, ms / m2);
    System.out.printf(Locale.ROOT, "memory, executor (local mode: this JVM) after the runs: %s%n", memory());
    one.shutdown();
    two.shutdown();
    spark.stop();
  }

  private static List<String> corpus(int copies) throws Exception {
    ObjectMapper json = new ObjectMapper();
    List<String> one = new ArrayList<>();
    for (String line : Files.readAllLines(Path.of("examples", "amazon-sentences.jsonl"), StandardCharsets.UTF_8)) {
      one.add(json.readTree(line).get("text").asText());
    }
    List<String> all = new ArrayList<>(one.size() * copies);
    for (int i = 0; i < copies; i++) {
      all.addAll(one);
    }
    return all;
  }

  private static long countWords(Rewriter rewriter, List<String> texts) {
    long words = 0;
    for (RewriteResult r : rewriter.rewriteBatch(texts, RewriteOptions.builder().epsilon(10).build())) {
      words += r.report().words();
    }
    return words;
  }

  private static void libraryRun(
      Rewriter rewriter, List<String> texts, RewriteOptions options, ExecutorService pool, int threads) {
    try {
      List<Future<?>> parts = new ArrayList<>();
      int per = (texts.size() + threads - 1) / threads;
      for (int t = 0; t < threads; t++) {
        List<String> part = texts.subList(Math.min(texts.size(), t * per), Math.min(texts.size(), (t + 1) * per));
        parts.add(pool.submit(() -> {
          for (int i = 0; i < part.size(); i += BATCH) {
            rewriter.rewriteBatch(part.subList(i, Math.min(part.size(), i + BATCH)), options);
          }
        }));
      }
      for (Future<?> f : parts) {
        f.get();
      }
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }


  private static double time(Runnable run) {
    long start = System.nanoTime();
    run.run();
    return (System.nanoTime() - start) / 1e9;
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  private static String memory() throws Exception {
    System.gc();
    MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
    StringBuilder pools = new StringBuilder();
    for (BufferPoolMXBean pool : ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class)) {
      pools.append(String.format(Locale.ROOT, ", %s buffers %.1f MB", pool.getName(), pool.getMemoryUsed() / 1e6));
    }
    String rss = "?";
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("VmRSS:")) {
        rss = line.substring(6).trim();
      }
    }
    EmbeddingStore store = DefaultEmbeddings.open();
    return String.format(
        Locale.ROOT,
        "heap used %.0f MB (committed %.0f MB)%s, index off-heap copy 4*V*d = %.1f MB, process RSS %s (JavaCPP physicalBytes %.0f MB)",
        heap.getUsed() / 1e6, heap.getCommitted() / 1e6, pools,
        4.0 * store.size() * store.dimension() / 1e6, rss, Pointer.physicalBytes() / 1e6);
  }

}
