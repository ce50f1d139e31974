package io.dxrewrite.nn;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.DoubleAdder;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The measured single-precision FMA peak of this machine at the preferred vector width: twelve
 * independent FMA chains per thread held in registers (no loads, no stores), one thread per core,
 * so that the figure is what the cores' FMA units deliver at the clock they really run, turbo and
 * vector-licence included. The roofline against which {@code dx-rewrite bench} and
 * bench/RESULTS.md state "% of FMA peak" (issue 17): the nominal "cpu MHz" of /proc/cpuinfo
 * understates a turbo clock, and a kernel then appears above 100%.
 *
 * <p>Needs {@code --add-modules jdk.incubator.vector}. Twelve chains cover an FMA latency of up to
 * six cycles at two FMAs per cycle.
 */
public final class FmaPeak {
  private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
  private static final int CHAINS = 12;

  private FmaPeak() {}

  /**
   * @param threads threads run at once (one per core for the machine's peak), {@code >= 1}
   * @param iterations loop iterations per thread and round ({@code CHAINS} FMAs each); 5e7 takes
   *     about 0.1-0.3 s on a 3 GHz AVX-512 core
   * @param rounds rounds; the fastest counts
   * @return the peak in GFLOP/s (2 FLOPs per lane per FMA, all threads together)
   * @throws IllegalArgumentException if threads, iterations or rounds is below 1
   */
  public static double measureGflops(int threads, long iterations, int rounds) {
    if (threads < 1 || iterations < 1 || rounds < 1) {
      throw new IllegalArgumentException("threads, iterations and rounds must be >= 1");
    }
    chains(5_000_000); // compiled (on-stack replacement) before the clock starts
    chains(5_000_000);
    double best = 0;
    for (int r = 0; r < rounds; r++) {
      DoubleAdder sink = new DoubleAdder();
      List<Thread> running = new ArrayList<>();
      long start = System.nanoTime();
      for (int t = 0; t < threads; t++) {
        Thread thread = new Thread(() -> sink.add(chains(iterations)), "dx-rewrite-fma-peak");
        thread.start();
        running.add(thread);
      }
      for (Thread thread : running) {
        try {
          thread.join();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted while measuring the FMA peak", e);
        }
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      best = Math.max(best, threads * (double) iterations * CHAINS * S.length() * 2 / seconds / 1e9);
    }
    return best;
  }

  /**
   * @return the preferred vector width in bits, the width {@link #measureGflops} measures
   */
  public static int vectorBits() {
    return S.vectorBitSize();
  }

  /* Twelve dependent FMA chains; the sum is returned so that the JIT cannot drop the loop. */
  private static double chains(long iterations) {
    FloatVector m = FloatVector.broadcast(S, 0.999999f);
    FloatVector c = FloatVector.broadcast(S, 1e-7f);
    FloatVector a0 = c, a1 = c, a2 = c, a3 = c, a4 = c, a5 = c;
    FloatVector a6 = c, a7 = c, a8 = c, a9 = c, a10 = c, a11 = c;
    for (long i = 0; i < iterations; i++) {
      a0 = a0.fma(m, c);
      a1 = a1.fma(m, c);
      a2 = a2.fma(m, c);
      a3 = a3.fma(m, c);
      a4 = a4.fma(m, c);
      a5 = a5.fma(m, c);
      a6 = a6.fma(m, c);
      a7 = a7.fma(m, c);
      a8 = a8.fma(m, c);
      a9 = a9.fma(m, c);
      a10 = a10.fma(m, c);
      a11 = a11.fma(m, c);
    }
    return a0.add(a1).add(a2).add(a3).add(a4).add(a5).add(a6).add(a7).add(a8).add(a9).add(a10).add(a11)
        .reduceLanes(VectorOperators.ADD);
  }
}
