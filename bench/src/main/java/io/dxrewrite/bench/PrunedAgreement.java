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
 * on CMP-shaped noisy queries, and times both side by side in one process.
 *
 * <p>Usage: {@code java --add-modules jdk.incubator.vector -cp bench/target/benchmarks.jar
 * io.dxrewrite.bench.PrunedAgreement STORE QUERIES EPSILON...}. Queries: a random word plus noise
 * in a uniform direction with length Gamma(d, 1/epsilon) (CMP's noise), seed 17 per epsilon.
 */
public final class PrunedAgreement {
  private PrunedAgreement() {}

  /**
   * @param args store path, number of queries, then epsilons
   */
  public static void main(String[] args) {
    EmbeddingStore store = EmbeddingStore.open(Path.of(args[0]));
    int count = Integer.parseInt(args[1]);
    int threads = Runtime.getRuntime().availableProcessors();
    long start = System.nanoTime();
    try (SimdExactIndex simd = new SimdExactIndex(store, threads);
        PrunedExactIndex pruned = new PrunedExactIndex(store, threads, PrunedExactIndex.DEFAULT_LEAD)) {
      System.out.printf(
          Locale.ROOT,
          "indexes built in %.1f s; %s; %s; rotated copy %.0f MiB%n",
          (System.nanoTime() - start) / 1e9, simd.name(), pruned.name(), pruned.rotatedBytes() / 1048576.0);
      for (int e = 2; e < args.length; e++) {
        double epsilon = Double.parseDouble(args[e]);
        float[] q = cmpQueries(store, count, epsilon, 17);
        pruned.nearest(q, Math.min(count, 512)); // warm-up
        simd.nearest(q, Math.min(count, 512));
        long t0 = System.nanoTime();
        int[] a = simd.nearest(q, count);
        long t1 = System.nanoTime();
        int[] b = pruned.nearest(q, count);
        long t2 = System.nanoTime();
        int differ = 0;
        for (int i = 0; i < count; i++) {
          differ += a[i] != b[i] ? 1 : 0;
        }
        System.out.printf(
            Locale.ROOT,
            "epsilon %s: %d queries, %d differ; simd %.0f q/s, pruned %.0f q/s, pruned/simd %.2fx;"
                + " finished at full dimension (cumulative) %.1f%%; peak RSS %.0f MiB%n",
            args[e], count, differ, count / ((t1 - t0) / 1e9), count / ((t2 - t1) / 1e9),
            (double) (t1 - t0) / (t2 - t1), 100 * pruned.finishedFraction(), PeakRss.megabytes());
      }
    }
  }

  private static float[] cmpQueries(EmbeddingStore store, int count, double epsilon, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int d = store.dimension();
    float[] q = new float[count * d];
    double[] direction = new double[d];
    for (int i = 0; i < count; i++) {
      int word = random.nextInt(store.size());
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
