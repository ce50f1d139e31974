package io.dxrewrite.nlu.bench;

import io.dxrewrite.random.StreamPurpose;
import io.dxrewrite.random.ChaCha20Random;
import io.dxrewrite.nlu.dpsgd.DpSgdParameters;
import io.dxrewrite.nlu.dpsgd.DpSgdStep;
import io.dxrewrite.nlu.dpsgd.PoissonSampler;
import io.dxrewrite.nlu.model.Adam;
import io.dxrewrite.nlu.model.Gradients;
import io.dxrewrite.nlu.model.TopicClassifier;
import io.dxrewrite.nlu.train.EncodedSet;
import io.dxrewrite.nlu.train.Trainer;
import io.dxrewrite.random.RandomSources;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import io.dxrewrite.nlu.train.Nd4jThreads;

/**
 * Benchmark harness (not a test): the time of one DP-SGD step (Poisson sampling, ghost-norm
 * clipping, Gaussian noise, Adam) against one non-private step (fixed batch, mean gradient, Adam)
 * at the same expected batch size, interleaved in one process so that both see the same JIT,
 * caches and machine load. Reports the median of each and their ratio.
 *
 * <p>Usage: {@code java -cp dx-rewrite.jar io.dxrewrite.nlu.bench.StepTimeBenchmark [--secure]
 * [--reps N] [batch ...]}; default batches 64 256 1024, d = 100, h = 128, K = 45, N = 50,000
 * synthetic records. {@code --secure} draws sampling and noise from {@link ChaCha20Random} keyed
 * by SecureRandom (the production default) instead of a seeded stream.
 */
public final class StepTimeBenchmark {
  private StepTimeBenchmark() {}

  /**
   * @param args options and batch sizes
   */
  public static void main(String[] args) {
    boolean secure = false;
    int reps = 200;
    int[] batches = {64, 256, 1024};
    int[] parsed = new int[args.length];
    int count = 0;
    for (int i = 0; i < args.length; i++) {
      if ("--secure".equals(args[i])) {
        secure = true;
      } else if ("--reps".equals(args[i])) {
        reps = Integer.parseInt(args[++i]);
      } else {
        parsed[count++] = Integer.parseInt(args[i]);
      }
    }
    if (count > 0) {
      batches = Arrays.copyOf(parsed, count);
    }
    Nd4jThreads.useOne();
    int n = 50_000;
    int d = 100;
    int h = 128;
    int k = 45;
    EncodedSet data = syntheticSet(n, d, k);
    System.out.printf(Locale.ROOT, "DP-SGD step vs non-private step, N=%d d=%d h=%d K=%d, %s noise,"
        + " median of %d interleaved reps%n", n, d, h, k, secure ? "ChaCha20 (SecureRandom-keyed)" : "seeded", reps);
    System.out.println("batch | non-private ms | DP ms | ratio");
    for (int batch : batches) {
      double[] ratio = run(data, k, h, batch, reps, secure);
      System.out.printf(Locale.ROOT, "%5d | %14.3f | %5.3f | %.2fx%n",
          batch, ratio[0], ratio[1], ratio[1] / ratio[0]);
    }
  }

  private static double[] run(EncodedSet data, int k, int h, int batch, int reps, boolean secure) {
    int n = data.size();
    RandomGenerator random = secure ? ChaCha20Random.fromSecureRandom()
        : RandomSources.seeded(1, StreamPurpose.DP_SGD, batch);
    TopicClassifier plainModel = TopicClassifier.initialise(data.dimension(), h, k, 1);
    TopicClassifier dpModel = TopicClassifier.initialise(data.dimension(), h, k, 1);
    Adam plainAdam = new Adam(1e-3);
    Adam dpAdam = new Adam(1e-3);
    double q = (double) batch / n;
    DpSgdParameters p = new DpSgdParameters(1.0, 1.0, q, batch);
    long[] plain = new long[reps];
    long[] dp = new long[reps];
    int warmup = Math.max(20, reps / 5);
    for (int r = -warmup; r < reps; r++) {
      long t0 = System.nanoTime();
      int from = Math.floorMod(r * batch, n - batch);
      int[] idx = new int[batch];
      for (int i = 0; i < batch; i++) {
        idx[i] = from + i;
      }
      Gradients g = Trainer.meanGradient(plainModel, data, idx);
      plainAdam.step(plainModel, g);
      long t1 = System.nanoTime();
      int[] sample = PoissonSampler.sample(n, q, random);
      Gradients pg = DpSgdStep.privateGradient(dpModel,
          sample.length == 0 ? null : data.rows(sample), data.labels(sample), p, random);
      dpAdam.step(dpModel, pg);
      long t2 = System.nanoTime();
      if (r >= 0) {
        plain[r] = t1 - t0;
        dp[r] = t2 - t1;
      }
    }
    return new double[] {median(plain) / 1e6, median(dp) / 1e6};
  }

  private static double median(long[] v) {
    long[] s = v.clone();
    Arrays.sort(s);
    return s[s.length / 2];
  }

  private static EncodedSet syntheticSet(int n, int d, int k) {
    SplittableRandom random = new SplittableRandom(7);
    double[] x = new double[n * d];
    for (int i = 0; i < x.length; i++) {
      x[i] = random.nextGaussian() * 0.3;
    }
    int[] y = new int[n];
    for (int i = 0; i < n; i++) {
      y[i] = random.nextInt(k);
    }
    return new EncodedSet(x, d, y);
  }
}
