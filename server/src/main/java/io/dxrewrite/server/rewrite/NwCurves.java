package io.dxrewrite.server.rewrite;

import io.dxrewrite.calibration.DeniabilityEstimate;
import io.dxrewrite.calibration.EpsilonCalibrator;
import io.dxrewrite.calibration.PlausibleDeniability;
import io.dxrewrite.progress.ProgressListener;
import io.dxrewrite.mechanism.MechanismContext;
import io.dxrewrite.mechanism.MechanismParameters;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The median N_w of a mechanism against epsilon on the loaded store, for the playground's chart:
 * at each epsilon of {@link #EPSILONS}, the median over {@link EpsilonCalibrator#VOCABULARY_WORDS}
 * uniformly sampled vocabulary words of N_w, the probability that a word comes back unchanged
 * (Feyisetan et al., WSDM 2020, Sec. 5.2), each estimated from {@link
 * EpsilonCalibrator#VOCABULARY_TRIALS} runs ({@link PlausibleDeniability#estimate}, common random
 * numbers across epsilons). The mechanism runs with its default parameters.
 *
 * <p>A curve is computed once per mechanism on a dedicated background thread (never the event loop
 * or the rewrite workers); until it is done a lookup answers {@link Running}. It uses public
 * vocabulary words only, so it charges no budget. The seed is the calibration seed (statistics
 * only, never rewriting noise).
 */
public final class NwCurves implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(NwCurves.class);

  /** Epsilons per word of the curve, increasing. */
  public static final List<Double> EPSILONS =
      List.of(0.5, 1.0, 2.0, 3.0, 5.0, 7.0, 10.0, 15.0, 20.0, 30.0, 50.0);

  /**
   * One point of a curve.
   *
   * @param epsilon epsilon per word
   * @param medianNw median N_w over the sampled words, in [0, 1]
   */
  public record Point(double epsilon, double medianNw) {}

  /**
   * A computed curve.
   *
   * @param mechanism mechanism name
   * @param points one per {@link #EPSILONS} entry, in that order
   * @param words vocabulary words sampled
   * @param trials mechanism runs per word and epsilon
   */
  public record Curve(String mechanism, List<Point> points, int words, int trials) {}

  /** The state of one curve. */
  public sealed interface State {}

  /**
   * Done.
   *
   * @param curve the curve
   */
  public record Ready(Curve curve) implements State {}

  /** Started (now or earlier) and still running. */
  public record Running() implements State {}

  private final Supplier<MechanismContext> context;
  private final long seed;
  private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "dx-rewrite-nw-curve");
    t.setDaemon(true);
    return t;
  });
  private final ConcurrentHashMap<String, CompletableFuture<Curve>> curves =
      new ConcurrentHashMap<>();

  /**
   * @param context the loaded store, index and density data, asked for on the background thread
   *     when a curve is first computed
   * @param seed seed of the word sample and the Monte Carlo draws
   */
  public NwCurves(Supplier<MechanismContext> context, long seed) {
    this.context = context;
    this.seed = seed;
  }

  /**
   * Looks a curve up, starting its computation in the background if it is new.
   *
   * @param mechanism a registered mechanism name (already validated)
   * @return {@link Ready} or {@link Running}
   * @throws IllegalStateException if the computation failed; it is forgotten, so a retry starts
   *     over
   */
  public State lookup(String mechanism) {
    CompletableFuture<Curve> f =
        curves.computeIfAbsent(mechanism, m -> CompletableFuture.supplyAsync(() -> compute(m), executor));
    if (!f.isDone()) {
      return new Running();
    }
    try {
      return new Ready(f.join());
    } catch (CompletionException e) {
      curves.remove(mechanism, f);
      throw new IllegalStateException("N_w curve failed", e.getCause());
    }
  }

  private Curve compute(String mechanism) {
    long start = System.nanoTime();
    MechanismContext ctx = context.get();
    int words = Math.min(EpsilonCalibrator.VOCABULARY_WORDS, ctx.store().size());
    int trials = EpsilonCalibrator.VOCABULARY_TRIALS;
    int[] sample = PlausibleDeniability.sampleWords(ctx.store().size(), words, seed);
    List<Point> points = new ArrayList<>(EPSILONS.size());
    for (double epsilon : EPSILONS) {
      DeniabilityEstimate e = PlausibleDeniability.estimate(ctx, mechanism,
          MechanismParameters.DEFAULTS, epsilon, sample, trials, seed, ProgressListener.NONE);
      points.add(new Point(epsilon, e.unchangedQuantile(0.5)));
    }
    LOG.info("median N_w curve of {}: {} words x {} trials, in {} ms: {}", mechanism, words,
        trials, (System.nanoTime() - start) / 1_000_000, points.stream()
            .map(p -> p.epsilon() + " -> " + p.medianNw()).toList());
    return new Curve(mechanism, List.copyOf(points), words, trials);
  }

  /** Stops the background thread (a running computation is abandoned). */
  @Override
  public void close() {
    executor.shutdownNow();
  }
}
