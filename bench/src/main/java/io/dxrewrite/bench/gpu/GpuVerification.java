package io.dxrewrite.bench.gpu;

import io.dxrewrite.progress.ProgressListener;
import io.dxrewrite.embeddings.DefaultEmbeddings;
import io.dxrewrite.embeddings.EmbeddingStore;
import io.dxrewrite.embeddings.EmbeddingStoreWriter;
import io.dxrewrite.embeddings.EmbeddingTable;
import io.dxrewrite.gpu.GpuDevice;
import io.dxrewrite.gpu.GpuIndexProvider;
import io.dxrewrite.gpu.GpuNearestNeighbourIndex;
import io.dxrewrite.gpu.GpuSearchStatistics;
import io.dxrewrite.gpu.NativeLibrary;
import io.dxrewrite.mechanism.MechanismContext;
import io.dxrewrite.mechanism.MultivariateLaplaceNoise;
import io.dxrewrite.nn.BruteForceIndex;
import io.dxrewrite.nn.IndexKind;
import io.dxrewrite.nn.NearestNeighbourIndex;
import io.dxrewrite.rewrite.RewriteOptions;
import io.dxrewrite.rewrite.RewriteResult;
import io.dxrewrite.rewrite.Rewriter;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.random.RandomGenerator;

/**
 * The GPU index's verification run, started by {@code gpu/verify.sh} on a GPU host (which has no
 * Maven and no network): exactness against a float64 brute force on 10^4 noisy queries over the
 * real embedded GloVe subset and over a synthetic {@code 341,479 x 100} table generated here,
 * adversarial near-ties, then queries/s of the index and words/s of CMP rewriting end to end at
 * batch sizes 1k, 8k and 64k. It prints a short table last.
 *
 * <p>{@code --index simd} runs the same harness with the CPU SIMD index in place of the GPU (to
 * test the harness itself on a machine without a GPU).
 *
 * <p>Usage: {@code GpuVerification [--index gpu|simd] [--queries N] [--rows V] [--store FILE]
 * [--report FILE] [--probe-only]}; the device is {@code -Ddxrewrite.gpu.device} (default 0). Exit
 * status 0 when every exactness check passed, 1 otherwise, 2 for bad arguments, 3 when the driver
 * or the GPU is unavailable, 4 when the native library does not load.
 */
public final class GpuVerification {
  private static final long SEED = 20261129L;
  private static final int SYNTHETIC_V = 341_479;
  private static final int D = 100;

  private final String indexKind;
  private final int queries;
  private final int rows;
  private final Path storeFile;
  private final PrintStream out;
  private final List<String> table = new ArrayList<>();
  private final int threads = Runtime.getRuntime().availableProcessors();
  private boolean allExact = true;

  private GpuVerification(String indexKind, int queries, int rows, Path storeFile, PrintStream out) {
    this.indexKind = indexKind;
    this.queries = queries;
    this.rows = rows;
    this.storeFile = storeFile;
    this.out = out;
  }

  /**
   * @param args see the class comment
   * @throws Exception on an unexpected failure (exactness failures are reported, not thrown)
   */
  public static void main(String[] args) throws Exception {
    String index = "gpu";
    int queries = 10_000;
    int rows = SYNTHETIC_V;
    Path store = null;
    Path report = null;
    boolean probeOnly = false;
    try {
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "--index" -> index = args[++i];
          case "--queries" -> queries = Integer.parseInt(args[++i]);
          case "--rows" -> rows = Integer.parseInt(args[++i]);
          case "--store" -> store = Path.of(args[++i]);
          case "--report" -> report = Path.of(args[++i]);
          case "--probe-only" -> probeOnly = true;
          default -> throw new IllegalArgumentException("unknown argument " + args[i]);
        }
      }
      if (queries < 1 || rows < 2) {
        throw new IllegalArgumentException("--queries must be >= 1 and --rows >= 2");
      }
      if (store != null && !Files.isRegularFile(store)) {
        throw new IllegalArgumentException("--store " + store + " is not a file");
      }
    } catch (RuntimeException e) {
      System.err.println("GpuVerification: " + e.getMessage()
          + "\nusage: GpuVerification [--index gpu|simd] [--queries N] [--rows V] [--store FILE]"
          + " [--report FILE] [--probe-only]");
      System.exit(2);
    }
    if (index.equals("gpu")) {
      try {
        NativeLibrary.load();
      } catch (RuntimeException e) {
        System.out.println("native library: " + e.getMessage());
        System.exit(4);
      }
      try {
        System.out.println("device: " + GpuDevice.probe(deviceOrdinal()).describe());
      } catch (RuntimeException e) {
        System.out.println("GPU unavailable: " + e.getMessage());
        System.exit(3);
      }
    }
    if (probeOnly) {
      return;
    }
    GpuVerification v = new GpuVerification(index, queries, rows, store, System.out);
    v.run();
    v.printTable();
    if (report != null) {
      Files.createDirectories(report.toAbsolutePath().getParent());
      Files.write(report, v.table, StandardCharsets.UTF_8);
    }
    System.exit(v.allExact ? 0 : 1);
  }

  private static int deviceOrdinal() {
    return Integer.parseInt(System.getProperty(GpuIndexProvider.DEVICE_PROPERTY, "0").trim());
  }

  private NearestNeighbourIndex open(EmbeddingStore store) {
    if (indexKind.equals("gpu")) {
      return new GpuNearestNeighbourIndex(store, deviceOrdinal(), () -> new BruteForceIndex(store));
    }
    return IndexKind.fromCliName(indexKind).create(store);
  }

  private void log(String format, Object... args) {
    out.printf(Locale.ROOT, "[%tT] " + format + "%n", prepend(System.currentTimeMillis(), args));
    out.flush();
  }

  private static Object[] prepend(Object first, Object[] rest) {
    Object[] all = new Object[rest.length + 1];
    all[0] = first;
    System.arraycopy(rest, 0, all, 1, rest.length);
    return all;
  }

  private void run() throws Exception {
    // 1. the real embedded GloVe subset
    EmbeddingStore glove = storeFile != null ? EmbeddingStore.open(storeFile) : DefaultEmbeddings.open();
    try (NearestNeighbourIndex index = open(glove)) {
      exactness("GloVe 20k", glove, index, queries, 1);
      exactness("GloVe 20k", glove, index, Math.max(1, queries / 5), 2);
      stats("GloVe 20k", index);
    }
    // 2. adversarial near-ties
    nearTies();
    // 3. the synthetic full-size table
    Path dir = Files.createTempDirectory("dxgpu-verify");
    Path file = dir.resolve("synthetic.dxemb");
    long t0 = System.nanoTime();
    EmbeddingStoreWriter.write(syntheticTable(rows), file);
    EmbeddingStore synthetic = EmbeddingStore.open(file);
    log("synthetic %d x %d store written in %.1f s", rows, D, (System.nanoTime() - t0) / 1e9);
    long t1 = System.nanoTime();
    try (NearestNeighbourIndex index = open(synthetic)) {
      log("index %s opened in %.1f s", index.name(), (System.nanoTime() - t1) / 1e9);
      exactness("synthetic " + rows, synthetic, index, queries, 1);
      exactness("synthetic " + rows, synthetic, index, Math.max(1, queries / 5), 2);
      stats("synthetic " + rows, index);
      for (int batch : new int[] {1024, 8192, 65536}) {
        throughput(synthetic, index, batch, 1);
      }
      throughput(synthetic, index, 8192, 2);
      if (!indexKind.equals("simd") && IndexKind.simdAvailable()) {
        try (NearestNeighbourIndex cpu = IndexKind.SIMD.create(synthetic)) {
          throughput(synthetic, cpu, 8192, 1);
        }
      }
      endToEnd(synthetic, index);
      index.close();
      tuning(synthetic);
    } finally {
      Files.deleteIfExists(file);
      Files.deleteIfExists(dir);
    }
  }

  /** Screening kernel variants side by side (warps per block), in the same process. */
  private void tuning(EmbeddingStore synthetic) {
    if (!indexKind.equals("gpu")) {
      return;
    }
    String before = System.getProperty(GpuNearestNeighbourIndex.WARPS_PROPERTY);
    for (String warps : new String[] {"4", "8", "16", "4", "8", "16"}) {
      System.setProperty(GpuNearestNeighbourIndex.WARPS_PROPERTY, warps);
      try (NearestNeighbourIndex index = open(synthetic)) {
        throughput(synthetic, index, 8192, 1);
        throughput(synthetic, index, 65536, 1);
      }
    }
    if (before == null) {
      System.clearProperty(GpuNearestNeighbourIndex.WARPS_PROPERTY);
    } else {
      System.setProperty(GpuNearestNeighbourIndex.WARPS_PROPERTY, before);
    }
  }

  /** CMP-like queries: a random word's vector plus multivariate Laplace noise at mixed epsilons. */
  private static float[] noisyQueries(EmbeddingStore store, int count, long seed) {
    int d = store.dimension();
    float[] q = new float[count * d];
    double[] epsilons = {5, 10, 10, 20, 50};
    SplittableRandom random = new SplittableRandom(seed);
    double[] scratch = new double[d];
    float[] point = new float[d];
    for (int i = 0; i < count; i++) {
      int id = random.nextInt(store.size());
      store.copyVector(id, point, 0);
      RandomGenerator r = random.split();
      new MultivariateLaplaceNoise(d, epsilons[i % epsilons.length])
          .addNoise(r, point, 0, q, i * d, scratch);
    }
    return q;
  }

  private void exactness(String name, EmbeddingStore store, NearestNeighbourIndex index, int count, int k)
      throws Exception {
    float[] q = noisyQueries(store, count, SEED + count + k);
    long t0 = System.nanoTime();
    int[] expected = parallelBruteForce(store, q, count, k);
    double bruteSeconds = (System.nanoTime() - t0) / 1e9;
    int[] actual = index.nearest(q, count, k);
    int mismatches = 0;
    int first = -1;
    for (int i = 0; i < count; i++) {
      for (int j = 0; j < k; j++) {
        if (expected[i * k + j] != actual[i * k + j]) {
          mismatches++;
          if (first < 0) {
            first = i;
          }
          break;
        }
      }
    }
    boolean ok = mismatches == 0;
    allExact &= ok;
    if (!ok) {
      int d = store.dimension();
      for (int j = 0; j < k; j++) {
        int e = expected[first * k + j];
        int a = actual[first * k + j];
        log("  query %d rank %d: expected id %d at %.17g, got id %d at %s", first, j, e,
            io.dxrewrite.nn.ExactDistances.squaredDistance(q, first * d, store.matrix(), e, d), a,
            a < 0 ? "-" : String.valueOf(
                io.dxrewrite.nn.ExactDistances.squaredDistance(q, first * d, store.matrix(), a, d)));
      }
    }
    log("exactness %s top-%d: %d queries, %d mismatching (brute force %.1f s)%s", name, k, count,
        mismatches, bruteSeconds, ok ? "" : ", first at query " + first);
    table.add(String.format(Locale.ROOT, "exact  %-22s top-%d %6d queries  %s", name, k, count,
        ok ? "identical to float64 brute force" : "FAILED: " + mismatches + " mismatching"));
  }

  private void stats(String name, NearestNeighbourIndex index) {
    if (index instanceof GpuNearestNeighbourIndex gpu) {
      GpuSearchStatistics s = gpu.statistics();
      log("%s: mean %.2f candidates per query, max %d (capacity %d), %d CPU fallbacks of %d queries,"
          + " %d screening failures", name, s.meanCandidates(), s.maxCandidates(),
          gpu.candidateCapacity(), s.cpuFallbacks(), s.queries(), s.screeningFailures());
      allExact &= s.screeningFailures() == 0;
      table.add(String.format(Locale.ROOT,
          "screen %-22s mean %.2f candidates/query, max %d, %d CPU fallbacks, %d failures", name,
          s.meanCandidates(), s.maxCandidates(), s.cpuFallbacks(), s.screeningFailures()));
    }
  }

  /** Exact ties, near-ties and a cluster far from the origin, against the brute force. */
  private void nearTies() throws Exception {
    int d = D;
    int v = 4096;
    SplittableRandom random = new SplittableRandom(SEED + 7);
    float[] m = new float[v * d];
    for (int i = 0; i < v; i++) {
      for (int j = 0; j < d; j++) {
        m[i * d + j] = (float) (0.4 * random.nextGaussian());
      }
      if (i % 16 == 1) {
        System.arraycopy(m, (i - 1) * d, m, i * d, d); // exact duplicate: ties to the lower id
      } else if (i % 16 == 2) {
        for (int j = 0; j < d; j++) {
          m[i * d + j] = Math.nextUp(m[(i - 2) * d + j]); // one ulp away
        }
      }
    }
    float[] q = new float[2000 * d];
    for (int i = 0; i < 2000; i++) {
      int base = 16 * random.nextInt(v / 16);
      for (int j = 0; j < d; j++) {
        // midpoints of rows that are one ulp apart, and points near duplicates
        q[i * d + j] = i % 2 == 0
            ? (m[base * d + j] + m[(base + 2) * d + j]) / 2
            : (float) (m[base * d + j] + 1e-4 * random.nextGaussian());
      }
    }
    checkTable("near-ties (ulp pairs)", new EmbeddingTable(words(v), m, d, "near ties"), q, 2000);
    // far from the origin: every score is about -2e8 where a float32 ulp is 16
    int far = 2048;
    float[] fm = new float[far * d];
    for (int i = 0; i < fm.length; i++) {
      fm[i] = (float) (1000 + 0.01 * random.nextGaussian());
    }
    float[] fq = new float[1000 * d];
    for (int i = 0; i < fq.length; i++) {
      fq[i] = (float) (1000 + 0.01 * random.nextGaussian());
    }
    checkTable("far cluster (|w|~1e4)", new EmbeddingTable(words(far), fm, d, "far"), fq, 1000);
  }

  private void checkTable(String name, EmbeddingTable t, float[] q, int count) throws Exception {
    Path dir = Files.createTempDirectory("dxgpu-ties");
    Path file = dir.resolve("ties.dxemb");
    EmbeddingStoreWriter.write(t, file);
    EmbeddingStore store = EmbeddingStore.open(file);
    try (NearestNeighbourIndex index = open(store)) {
      for (int k = 1; k <= 2; k++) {
        int[] expected = parallelBruteForce(store, q, count, k);
        int[] actual = index.nearest(q, count, k);
        boolean ok = Arrays.equals(expected, actual);
        allExact &= ok;
        log("exactness %s top-%d: %s", name, k, ok ? "identical" : "MISMATCH");
        table.add(String.format(Locale.ROOT, "exact  %-22s top-%d %6d queries  %s", name, k, count,
            ok ? "identical to float64 brute force" : "FAILED"));
      }
      stats(name, index);
    } finally {
      Files.deleteIfExists(file);
      Files.deleteIfExists(dir);
    }
  }

  private static String[] words(int n) {
    String[] w = new String[n];
    for (int i = 0; i < n; i++) {
      w[i] = "w" + i;
    }
    return w;
  }

  /**
   * GloVe-like rows: Gaussian directions with norms spread over [2, 9]; every 997th row repeats the
   * previous one (exact ties) and every 991st is one ulp away from its predecessor.
   */
  private static EmbeddingTable syntheticTable(int v) {
    SplittableRandom random = new SplittableRandom(SEED);
    float[] m = new float[v * D];
    double[] g = new double[D];
    for (int i = 0; i < v; i++) {
      if (i > 0 && i % 997 == 0) {
        System.arraycopy(m, (i - 1) * D, m, i * D, D);
        continue;
      }
      if (i > 0 && i % 991 == 0) {
        for (int j = 0; j < D; j++) {
          m[i * D + j] = Math.nextDown(m[(i - 1) * D + j]);
        }
        continue;
      }
      double s = 0;
      for (int j = 0; j < D; j++) {
        g[j] = random.nextGaussian() * (1 + 0.5 * Math.sin(j));
        s += g[j] * g[j];
      }
      double norm = 2 + 7 * random.nextDouble() * random.nextDouble();
      for (int j = 0; j < D; j++) {
        m[i * D + j] = (float) (g[j] / Math.sqrt(s) * norm);
      }
    }
    return new EmbeddingTable(words(v), m, D, "synthetic GloVe-like table, seed " + SEED);
  }

  /**
   * float64 brute force with the reference's formula ({@code Σ_j ((double) q_j - w_j)^2} in
   * component order, ties to the lowest id), four rows at a time for instruction-level
   * parallelism (each row keeps its own sequential sum), split over all cores.
   */
  private int[] parallelBruteForce(EmbeddingStore store, float[] q, int count, int k)
      throws Exception {
    int d = store.dimension();
    int v = store.size();
    float[] m = new float[v * d];
    store.matrix().get(0, m);
    int slices = Math.min(count, threads * 4);
    int[] out = new int[count * k];
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> tasks = new ArrayList<>();
      for (int s = 0; s < slices; s++) {
        int from = (int) ((long) count * s / slices);
        int to = (int) ((long) count * (s + 1) / slices);
        tasks.add(pool.submit(() -> {
          double[] best = new double[k];
          int[] ids = new int[k];
          for (int i = from; i < to; i++) {
            Arrays.fill(best, Double.POSITIVE_INFINITY);
            Arrays.fill(ids, -1);
            int qo = i * d;
            int row = 0;
            for (; row + 4 <= v; row += 4) {
              double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
              int b0 = row * d, b1 = b0 + d, b2 = b1 + d, b3 = b2 + d;
              for (int j = 0; j < d; j++) {
                double x = q[qo + j];
                double e0 = x - m[b0 + j];
                double e1 = x - m[b1 + j];
                double e2 = x - m[b2 + j];
                double e3 = x - m[b3 + j];
                s0 += e0 * e0;
                s1 += e1 * e1;
                s2 += e2 * e2;
                s3 += e3 * e3;
              }
              offer(best, ids, s0, row);
              offer(best, ids, s1, row + 1);
              offer(best, ids, s2, row + 2);
              offer(best, ids, s3, row + 3);
            }
            for (; row < v; row++) {
              double s0 = 0;
              for (int j = 0; j < d; j++) {
                double e0 = (double) q[qo + j] - m[row * d + j];
                s0 += e0 * e0;
              }
              offer(best, ids, s0, row);
            }
            System.arraycopy(ids, 0, out, i * k, k);
          }
        }));
      }
      for (Future<?> t : tasks) {
        t.get();
      }
    } finally {
      pool.shutdownNow();
    }
    return out;
  }

  /** Keeps the k smallest (distance, id) in order; rows arrive in increasing id, so ties keep the lower id. */
  private static void offer(double[] best, int[] ids, double dist, int id) {
    int k = best.length;
    if (!(dist < best[k - 1])) {
      return;
    }
    int pos = k - 1;
    while (pos > 0 && dist < best[pos - 1]) {
      best[pos] = best[pos - 1];
      ids[pos] = ids[pos - 1];
      pos--;
    }
    best[pos] = dist;
    ids[pos] = id;
  }

  private void throughput(EmbeddingStore store, NearestNeighbourIndex index, int batch, int k) {
    float[] q = noisyQueries(store, batch, SEED + 31 * batch + k);
    index.nearest(q, batch, k); // warm-up
    index.nearest(q, batch, k);
    List<Double> rates = new ArrayList<>();
    long deadline = System.nanoTime() + 3_000_000_000L;
    for (int rep = 0; rep < 30 && (rep < 3 || System.nanoTime() < deadline); rep++) {
      long t0 = System.nanoTime();
      index.nearest(q, batch, k);
      rates.add(batch / ((System.nanoTime() - t0) / 1e9));
    }
    double median = median(rates);
    double gflops = median * 2.0 * store.size() * store.dimension() / 1e9;
    log("index %s batch %d top-%d: median %.0f queries/s over %d runs (%.0f GFLOP/s useful)",
        index.name(), batch, k, median, rates.size(), gflops);
    table.add(String.format(Locale.ROOT, "index  %-46s batch %6d top-%d %,12.0f queries/s",
        shortName(index), batch, k, median));
  }

  private static String shortName(NearestNeighbourIndex index) {
    String n = index.name();
    return n.length() > 46 ? n.substring(0, 46) : n;
  }

  private static double median(List<Double> xs) {
    double[] a = xs.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    return a.length % 2 == 1 ? a[a.length / 2] : (a[a.length / 2 - 1] + a[a.length / 2]) / 2;
  }

  /** CMP rewriting of synthetic records (16 words each) through the index, per call of 1k/8k/64k words. */
  private void endToEnd(EmbeddingStore store, NearestNeighbourIndex index) {
    Rewriter rewriter =
        new Rewriter(MechanismContext.of(store, index, ProgressListener.NONE).certify(false));
    SplittableRandom random = new SplittableRandom(SEED + 99);
    Function<Integer, List<String>> corpus =
        words -> {
          List<String> records = new ArrayList<>();
          for (int r = 0; r < words / 16; r++) {
            StringBuilder b = new StringBuilder();
            for (int w = 0; w < 16; w++) {
              b.append(w == 0 ? "" : " ").append('w').append(random.nextInt(store.size()));
            }
            records.add(b.toString());
          }
          return records;
        };
    RewriteOptions options = RewriteOptions.builder().mechanism("cmp").epsilon(10).build();
    // seeded output must equal the CPU SIMD index's output word for word
    if (!indexKind.equals("simd") && IndexKind.simdAvailable()) {
      List<String> sample = corpus.apply(4096);
      RewriteOptions seeded = RewriteOptions.builder().mechanism("cmp").epsilon(10).seed(7).build();
      List<RewriteResult> a = rewriter.rewriteBatch(sample, seeded);
      try (NearestNeighbourIndex cpu = IndexKind.SIMD.create(store)) {
        List<RewriteResult> b =
            new Rewriter(MechanismContext.of(store, cpu, ProgressListener.NONE).certify(false))
                .rewriteBatch(sample, seeded);
        boolean same = true;
        for (int i = 0; i < a.size(); i++) {
          same &= a.get(i).text().equals(b.get(i).text());
        }
        allExact &= same;
        log("seeded CMP rewrite of 4,096 words: %s", same ? "identical to the SIMD CPU index" : "DIFFERS");
        table.add("rewrite seeded CMP, 4,096 words: "
            + (same ? "identical to the CPU SIMD index" : "FAILED: differs from CPU"));
      }
    }
    for (int words : new int[] {1024, 8192, 65536}) {
      List<String> records = corpus.apply(words);
      rewriter.rewriteBatch(records, options); // warm-up
      List<Double> rates = new ArrayList<>();
      for (int rep = 0; rep < 5; rep++) {
        long t0 = System.nanoTime();
        List<RewriteResult> results = rewriter.rewriteBatch(records, options);
        long n = 0;
        for (RewriteResult r : results) {
          n += r.report().wordsPerturbed();
        }
        rates.add(n / ((System.nanoTime() - t0) / 1e9));
      }
      double median = median(rates);
      log("CMP rewrite end to end, %d words per call: median %.0f words/s", words, median);
      table.add(String.format(Locale.ROOT, "rewrite CMP eps 10 end to end %-12s %6d words/call %,12.0f words/s",
          "(" + threads + " CPU threads)", words, median));
    }
  }

  private void printTable() {
    out.println();
    out.println("=== dx-rewrite GPU verification (" + indexKind + " index) ===");
    for (String line : table) {
      out.println(line);
    }
    out.println(allExact ? "RESULT: all exactness checks passed" : "RESULT: EXACTNESS FAILURES");
    out.flush();
  }
}
