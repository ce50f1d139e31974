package io.dxrewrite.bench;

import io.dxrewrite.embeddings.EmbeddingStore;
import io.dxrewrite.nn.PrunedExactIndex;
import io.dxrewrite.nn.SimdExactIndex;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Checks on a real store that {@link PrunedExactIndex} returns the same ids as {@link
 * SimdExactIndex} (itself tested equal to the float64 brute force, which is too slow at this size)
 * on CMP-shaped noisy queries, and times both side by side in one process against the machine's
 * brute-force FMA limit ({@link MachinePeak#measure()}: 70% of the measured peak divided by the
 * brute force's {@code 2 V d} FLOPs per query).
 *
 * <p>Usage: {@code java --add-modules jdk.incubator.vector -cp bench/target/benchmarks.jar
 * io.dxrewrite.bench.PrunedAgreement STORE QUERIES EPSILON...} ({@code -Dlead=N} for another dense
 * stage than {@link PrunedExactIndex#DEFAULT_LEAD}). Queries: a word plus noise in a
 * uniform direction with length Gamma(d, 1/epsilon) (CMP's noise), seed 17 per epsilon; the word
 * drawn uniformly from the whole vocabulary ("any word", the hard case: rare words sit where the
 * bound prunes least) and from the 30,000 most frequent (GloVe's order; "frequent", what running
 * text mostly holds).
 */
public final class PrunedAgreement {
  private static final int FREQUENT = 30_000;

  private PrunedAgreement() {}

  /**
   * @param args store path, number of queries, then epsilons
   */
  public static void main(String[] args) {
    EmbeddingStore store = EmbeddingStore.open(Path.of(args[0]));
    int count = Integer.parseInt(args[1]);
    int threads = Runtime.getRuntime().availableProcessors();
    MachinePeak peak = MachinePeak.measure();
    double flopsPerQuery = 2.0 * store.size() * store.dimension();
    System.out.printf(
        Locale.ROOT,
        "FMA peak: %s%nbrute-force FMA limit: %.0f queries/s at 70%% of the measured peak (%.0f at 100%%)%n",
        peak.describe(), 0.7 * peak.gflops() * 1e9 / flopsPerQuery, peak.gflops() * 1e9 / flopsPerQuery);
    double limit = 0.7 * peak.gflops() * 1e9 / flopsPerQuery;
    long start = System.nanoTime();
    try (SimdExactIndex simd = new SimdExactIndex(store, threads);
        PrunedExactIndex pruned = new PrunedExactIndex(store, threads, Integer.getInteger("lead", PrunedExactIndex.DEFAULT_LEAD))) {
      System.out.printf(
          Locale.ROOT,
          "indexes built in %.1f s; %s; %s; rotated copy %.0f MiB%n",
          (System.nanoTime() - start) / 1e9, simd.name(), pruned.name(), pruned.rotatedBytes() / 1048576.0);
      for (int e = 2; e < args.length; e++) {
        double epsilon = Double.parseDouble(args[e]);
        for (int words : new int[] {store.size(), Math.min(FREQUENT, store.size())}) {
          float[] q = cmpQueries(store, count, epsilon, words, 17);
          pruned.nearest(q, count); // untimed warm-up passes: the JIT's threads settle first
          simd.nearest(q, count);
          pruned.resetWorkFraction();
          long t0 = System.nanoTime();
          int[] a = simd.nearest(q, count);
          long t1 = System.nanoTime();
          int[] b = pruned.nearest(q, count);
          long t2 = System.nanoTime();
          int differ = 0;
          for (int i = 0; i < count; i++) {
            differ += a[i] != b[i] ? 1 : 0;
          }
          double prunedRate = count / ((t2 - t1) / 1e9);
          System.out.printf(
              Locale.ROOT,
              "epsilon %s, %s: %d queries, %d differ; simd %.0f q/s (%.0f%% of peak), pruned %.0f q/s,"
                  + " pruned/simd %.2fx, pruned/limit %.2fx; multiply-adds %.1f%% of brute"
                  + " force; peak RSS %.0f MiB%n",
              args[e], words == store.size() ? "any word" : "frequent", count, differ,
              count / ((t1 - t0) / 1e9), 100 * count * flopsPerQuery / ((t1 - t0) / 1e9) / 1e9 / peak.gflops(),
              prunedRate, (double) (t1 - t0) / (t2 - t1), prunedRate / limit,
              100 * pruned.workFraction(), PeakRss.megabytes());
        }
      }
    }
  }

  private static float[] cmpQueries(EmbeddingStore store, int count, double epsilon, int words, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int d = store.dimension();
    float[] q = new float[count * d];
    double[] direction = new double[d];
    for (int i = 0; i < count; i++) {
      int word = random.nextInt(words);
      double norm = 0;
      for (int j = 0; j < d; j++) {
        direction[j] = random.nextGaussian();
        norm += direction[j] * direction[j];
      }
      double length = 0;
      for (int j = 0; j < d; j++) {
        length -= Math.log(1 - random.nextDouble()) / epsilon;
      }
      for (int j = 0; j < d; j++) {
        q[i * d + j] = (float) (store.component(word, j) + length * direction[j] / Math.sqrt(norm));
      }
    }
    return q;
  }
}
