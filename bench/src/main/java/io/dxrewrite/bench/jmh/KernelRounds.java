package io.dxrewrite.bench.jmh;

import io.dxrewrite.embeddings.EmbeddingStore;
import io.dxrewrite.nn.FmaPeak;
import io.dxrewrite.nn.NearestNeighbourIndex;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Kernels timed side by side in one process, interleaved: each round measures the machine's FMA
 * peak ({@link FmaPeak}, about 0.2 s) and then runs one batch of queries through every kernel, in
 * an order rotated by one each round; the report gives per kernel the median queries/s, the median
 * of its per-round ratio to the first kernel, and the median of its per-round % of the peak
 * measured in that same round. On a machine whose speed drifts (a shared VM), JMH's separate
 * forks see different machines; here every ratio compares figures taken seconds apart.
 *
 * <p>Usage: {@code java --add-modules jdk.incubator.vector -cp bench/target/benchmarks.jar
 * io.dxrewrite.bench.jmh.KernelRounds STORE QUERIES ROUNDS KERNEL...} with kernel names as
 * {@link KernelStores#index} takes them (e.g. {@code simd-4x4-512 simd-4x3-512 simd-pruned}).
 * Queries: {@link NoisyQueries#around} with noise length 10 (CMP at epsilon 10 on d = 100).
 *
 * <p>All kernels of one run must have one vector width ({@code simd}, {@code simd-pruned} and
 * {@code nd4j} count as the preferred width): Vector API code of two widths in one JVM shares
 * type profiles, and the JIT then boxes vectors in every kernel (measured: the 512-bit 4x4 kernel
 * fell from 4,674 to 2,000 queries/s and the pruned one to 238 when a 128-bit kernel ran beside
 * them). Run one process per width.
 */
public final class KernelRounds {
  private KernelRounds() {}

  /**
   * @param args store path, queries per batch, rounds, then at least one kernel name
   * @throws IllegalArgumentException if fewer than four arguments are given
   */
  public static void main(String[] args) {
    if (args.length < 4) {
      throw new IllegalArgumentException("usage: KernelRounds STORE QUERIES ROUNDS KERNEL...");
    }
    EmbeddingStore store = KernelStores.open(args[0]);
    int count = Integer.parseInt(args[1]);
    int rounds = Integer.parseInt(args[2]);
    List<String> names = Arrays.asList(args).subList(3, args.length);
    int preferred = FmaPeak.vectorBits();
    for (String name : names) {
      if (widthOf(name, preferred) != widthOf(names.get(0), preferred)) {
        throw new IllegalArgumentException(
            "kernels of one vector width per run (JIT profiles of two widths interfere): " + names);
      }
    }
    int threads = Runtime.getRuntime().availableProcessors();
    double flopsPerQuery = 2.0 * store.size() * store.dimension();
    float[] queries = NoisyQueries.around(store, count, 10, 42);
    List<NearestNeighbourIndex> indexes = new ArrayList<>();
    for (String name : names) {
      NearestNeighbourIndex index = KernelStores.index(name, store);
      index.nearest(queries, count); // warm-up
      index.nearest(queries, count);
      indexes.add(index);
    }
    int[] reference = indexes.get(0).nearest(queries, count);
    int n = names.size();
    double[][] rate = new double[n][rounds];
    double[][] ofPeak = new double[n][rounds];
    double[] peaks = new double[rounds];
    for (int r = 0; r < rounds; r++) {
      peaks[r] = FmaPeak.measureGflops(threads, 20_000_000L, 1);
      for (int s = 0; s < n; s++) {
        int i = (s + r) % n;
        long t0 = System.nanoTime();
        int[] ids = indexes.get(i).nearest(queries, count);
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (!Arrays.equals(ids, reference)) {
          throw new IllegalStateException(names.get(i) + " returned other ids than " + names.get(0));
        }
        rate[i][r] = count / seconds;
        ofPeak[i][r] = 100 * rate[i][r] * flopsPerQuery / 1e9 / peaks[r];
      }
    }
    System.out.printf(
        Locale.ROOT,
        "store %d x %d, %d queries of noise length 10, %d rounds, %d threads; FMA peak per round"
            + " (%d-bit, GFLOP/s): median %.0f, min %.0f, max %.0f%n",
        store.size(), store.dimension(), count, rounds, threads, FmaPeak.vectorBits(),
        median(peaks), Arrays.stream(peaks).min().orElse(0), Arrays.stream(peaks).max().orElse(0));
    System.out.printf(Locale.ROOT, "%-18s %12s %12s %14s %12s%n", "kernel", "median q/s", "min-max", "ratio to 1st", "% of peak");
    for (int i = 0; i < n; i++) {
      double[] ratio = new double[rounds];
      for (int r = 0; r < rounds; r++) {
        ratio[r] = rate[i][r] / rate[0][r];
      }
      System.out.printf(
          Locale.ROOT,
          "%-18s %12.0f %5.0f-%-6.0f %13.2fx %11.0f%%%n",
          names.get(i), median(rate[i]), Arrays.stream(rate[i]).min().orElse(0),
          Arrays.stream(rate[i]).max().orElse(0), median(ratio), median(ofPeak[i]));
    }
    System.out.println("all kernels returned the first kernel's ids in every round");
    for (NearestNeighbourIndex index : indexes) {
      index.close();
    }
  }

  /* "simd-QxR-BITS" -> BITS; every other kernel runs at the preferred width. */
  private static int widthOf(String kernel, int preferred) {
    return kernel.matches("simd-[0-9]x[0-9]-[0-9]+")
        ? Integer.parseInt(kernel.substring(kernel.lastIndexOf('-') + 1))
        : preferred;
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int m = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[m] : (sorted[m - 1] + sorted[m]) / 2;
  }
}
