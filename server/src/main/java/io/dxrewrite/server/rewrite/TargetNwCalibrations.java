package io.dxrewrite.server.rewrite;

import io.dxrewrite.calibration.Calibration;
import io.dxrewrite.calibration.CalibrationCache;
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
 * Epsilons calibrated to a median-N_w target ({@code target_nw}), computed in the background so
 * that no request waits minutes for one. The first request for a (mechanism, parameters, target)
 * starts {@link CalibrationCache#calibrate} on a dedicated calibration thread (one calibration at
 * a time, never on the event loop or the rewrite workers) and is told to retry; later requests get
 * the result from memory. {@link CalibrationCache} also keeps it next to the store ({@code
 * STORE.calibrations.properties}), so after a restart, or after {@code dx-rewrite calibrate} with
 * the same settings, the calibration returns at once.
 *
 * <p>The calibration method is {@link io.dxrewrite.calibration.EpsilonCalibrator}: bisection in
 * log epsilon of the median N_w over {@code words} sampled vocabulary words, {@code trials}
 * mechanism runs each, common random numbers from {@code seed}.
 */
public final class TargetNwCalibrations implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(TargetNwCalibrations.class);

  /**
   * Monte Carlo settings of a calibration (the CLI's {@code --words}, {@code --trials} and {@code
   * --sample-seed}; with the same values the server and the CLI share cached calibrations).
   *
   * @param words vocabulary words sampled, {@code >= 1}
   * @param trials mechanism runs per word, {@code >= 1}
   * @param seed seed of the word sample and the Monte Carlo draws (statistics only, never the
   *     rewriting noise)
   */
  public record Settings(int words, int trials, long seed) {
    /** The CLI's defaults: 500 words, 200 trials, seed 1. */
    public static final Settings DEFAULTS = new Settings(500, 200, 1);
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
   * @param targetNw target median N_w in (0, 1)
   * @return its state
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
    LOG.info("calibrating epsilon: mechanism {}, target median N_w {}, {} words x {} trials",
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
    LOG.info("calibrated {} to median N_w {}: epsilon {} (95% interval {} - {}) in {} ms",
        key.mechanism(), key.targetNw(), c.epsilon(), c.lower(), c.upper(),
        (System.nanoTime() - start) / 1_000_000);
    return c;
  }

  /** Stops the calibration thread (a running calibration is abandoned). */
  @Override
  public void close() {
    executor.shutdownNow();
  }
}
