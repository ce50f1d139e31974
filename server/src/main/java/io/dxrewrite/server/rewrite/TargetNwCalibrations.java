package io.dxrewrite.server.rewrite;

import io.dxrewrite.calibration.Calibration;
import io.dxrewrite.calibration.CalibrationCache;
import io.dxrewrite.calibration.EpsilonCalibrator;
import io.dxrewrite.error.InvalidParameterException;
import io.dxrewrite.mechanism.MechanismContext;
import io.dxrewrite.mechanism.MechanismParameters;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Epsilons calibrated to a text-level N_w target ({@code target_nw}: the share of a typical text's
 * words that come back unchanged), computed in the background so that no request waits for one.
 * A request for a (mechanism, parameters, target) not yet in memory first reads the calibration
 * cache next to the store ({@link CalibrationCache#cached}, {@code STORE.calibrations.properties});
 * a cached calibration at least as precise as the settings is answered at once, also for the first
 * request after a restart or after {@code dx-rewrite calibrate}. Otherwise the request starts
 * {@link CalibrationCache#calibrate} on a dedicated calibration thread (one calibration at a time,
 * never on the event loop or the rewrite workers) and is told to retry; later requests get the
 * result from memory.
 *
 * <p>The calibration method is {@link io.dxrewrite.calibration.EpsilonCalibrator}: bisection in
 * log epsilon of the mean N_w over {@code words} words drawn from a Zipf prior over the store's
 * frequency-ordered rows, {@code trials} mechanism runs each, common random numbers from {@code
 * seed}.
 */
public final class TargetNwCalibrations implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(TargetNwCalibrations.class);

  /**
   * Monte Carlo settings of a calibration (the CLI's {@code --words}, {@code --trials} and {@code
   * --sample-seed}; with the same values the server and the CLI share cached calibrations).
   *
   * @param words words drawn from the Zipf prior, {@code >= 1}
   * @param trials mechanism runs per word, {@code >= 1}
   * @param seed seed of the word sample and the Monte Carlo draws (statistics only, never the
   *     rewriting noise)
   */
  public record Settings(int words, int trials, long seed) {
    /** The CLI's defaults: {@link EpsilonCalibrator#DEFAULT_WORDS} words, {@link
     * EpsilonCalibrator#DEFAULT_TRIALS} trial each, seed 1. */
    public static final Settings DEFAULTS =
        new Settings(EpsilonCalibrator.DEFAULT_WORDS, EpsilonCalibrator.DEFAULT_TRIALS, 1);
  }

  /** The state of one calibration. */
  public sealed interface State {}

  /**
   * Done.
   *
   * @param calibration the calibrated epsilon and its interval
   */
  public record Ready(Calibration calibration) implements State {}

  /** Started (now or earlier) and still running; ask again later. */
  public record Running() implements State {}

  /** Too many calibrations are already queued; nothing was started. */
  public record Busy() implements State {}

  private record Key(String mechanism, MechanismParameters parameters, double targetNw) {}

  private final MechanismContext context;
  private final Settings settings;
  private final int maxQueued;
  private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "dx-rewrite-calibration");
    t.setDaemon(true);
    return t;
  });
  private final ConcurrentHashMap<Key, CompletableFuture<Calibration>> calibrations =
      new ConcurrentHashMap<>();

  /**
   * @param context the rewriter's store, index and density data
   * @param settings Monte Carlo settings
   * @param maxQueued most calibrations running or waiting at once; beyond it requests for new
   *     targets get {@link Busy} (each may take minutes, and targets come from requests)
   */
  public TargetNwCalibrations(MechanismContext context, Settings settings, int maxQueued) {
    this.context = context;
    this.settings = settings;
    this.maxQueued = maxQueued;
  }

  /**
   * Looks a calibration up, starting it in the background if it is new.
   *
   * @param mechanism mechanism name (already validated)
   * @param parameters the mechanism's own parameters (already validated)
   * @param targetNw target text-level N_w in (0, 1)
   * @return its state ({@link Ready} at once when the store's calibration cache holds it)
   * @throws InvalidParameterException if the calibration failed on its parameters (e.g. the target
   *     cannot be reached); the failure is remembered
   * @throws IllegalStateException if it failed otherwise; it is forgotten, so a retry starts over
   */
  public State lookup(String mechanism, MechanismParameters parameters, double targetNw) {
    Key key = new Key(mechanism, parameters, targetNw);
    CompletableFuture<Calibration> f = calibrations.get(key);
    if (f == null) {
      synchronized (this) {
        f = calibrations.get(key);
        if (f == null) {
          Optional<Calibration> cached = CalibrationCache.cached(context, mechanism, parameters,
              targetNw, settings.words(), settings.trials());
          if (cached.isPresent()) {
            calibrations.put(key, CompletableFuture.completedFuture(cached.get()));
            return new Ready(cached.get());
          }
          if (calibrations.values().stream().filter(c -> !c.isDone()).count() >= maxQueued) {
            return new Busy();
          }
          f = CompletableFuture.supplyAsync(() -> calibrate(key), executor);
          calibrations.put(key, f);
        }
      }
    }
    if (!f.isDone()) {
      return new Running();
    }
    try {
      return new Ready(f.join());
    } catch (CompletionException e) {
      if (e.getCause() instanceof InvalidParameterException p) {
        throw p;
      }
      calibrations.remove(key, f);
      throw new IllegalStateException("epsilon calibration failed", e.getCause());
    }
  }

  private Calibration calibrate(Key key) {
    long start = System.nanoTime();
    LOG.info("calibrating epsilon: mechanism {}, target text N_w {}, {} words x {} trials",
        key.mechanism(), key.targetNw(), settings.words(), settings.trials());
    long[] logged = {0};
    Calibration c = CalibrationCache.calibrate(context, key.mechanism(), key.parameters(),
        key.targetNw(), settings.words(), settings.trials(), settings.seed(),
        (done, total) -> {
          long now = System.nanoTime();
          if (now - logged[0] > TimeUnit.SECONDS.toNanos(10)) {
            logged[0] = now;
            LOG.info("calibrating epsilon for {} (target {}): {} of about {} evaluations",
                key.mechanism(), key.targetNw(), done, total);
          }
        });
    LOG.info("calibrated {} to text N_w {}: epsilon {} (95% interval {} - {}; vocabulary median"
        + " N_w {}) in {} ms",
        key.mechanism(), key.targetNw(), c.epsilon(), c.lower(), c.upper(), c.vocabularyMedianNw(),
        (System.nanoTime() - start) / 1_000_000);
    return c;
  }

  /** Stops the calibration thread (a running calibration is abandoned). */
  @Override
  public void close() {
    executor.shutdownNow();
  }
}
