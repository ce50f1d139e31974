package io.dxrewrite.calibration;

import io.dxrewrite.files.UmaskTempFile;
import io.dxrewrite.density.ProgressListener;
import io.dxrewrite.embeddings.EmbeddingStore;
import io.dxrewrite.mechanism.MechanismContext;
import io.dxrewrite.mechanism.MechanismParameters;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Properties;

/**
 * Calibrations cached per store and mechanism in a properties file next to the store ({@code
 * STORE.calibrations.properties}), keyed by the store checksum, mechanism, its parameters, the
 * target and the sampling settings. A second call with the same settings returns at once. A store
 * folder that is not writable only disables the cache.
 */
public final class CalibrationCache {
  private CalibrationCache() {}

  /**
   * Returns the cached calibration, or computes and caches it.
   *
   * @param context store, index and density data
   * @param mechanism mechanism name
   * @param parameters the mechanism's own parameters
   * @param targetNw target median N_w in (0, 1)
   * @param words sampled words
   * @param trials trials per word
   * @param seed seed of the sample and common random numbers
   * @param listener progress of a computation
   * @return the calibration
   */
  public static synchronized Calibration calibrate(
      MechanismContext context,
      String mechanism,
      MechanismParameters parameters,
      double targetNw,
      int words,
      int trials,
      long seed,
      ProgressListener listener) {
    EmbeddingStore store = context.store();
    Path file = store.path().resolveSibling(store.path().getFileName() + ".calibrations.properties");
    String key =
        String.format(
            Locale.ROOT,
            "%x.%s.lambda=%s.t=%s.target=%s.words=%d.trials=%d.seed=%d",
            store.checksum(),
            mechanism,
            parameters.lambda().isPresent() ? parameters.lambda().getAsDouble() : "default",
            parameters.t().isPresent() ? parameters.t().getAsDouble() : "default",
            targetNw,
            words,
            trials,
            seed);
    Properties cache = load(file);
    String hit = cache.getProperty(key);
    if (hit != null) {
      String[] f = hit.split(",");
      if (f.length == 4) {
        return new Calibration(
            mechanism,
            targetNw,
            Double.parseDouble(f[0]),
            Double.parseDouble(f[1]),
            Double.parseDouble(f[2]),
            Double.parseDouble(f[3]),
            words,
            trials,
            seed);
      }
    }
    Calibration c =
        EpsilonCalibrator.calibrate(
            context, mechanism, parameters, targetNw, words, trials, seed, listener);
    cache.setProperty(
        key, c.epsilon() + "," + c.lower() + "," + c.upper() + "," + c.measuredNw());
    save(file, cache);
    return c;
  }

  private static Properties load(Path file) {
    Properties p = new Properties();
    if (Files.isRegularFile(file)) {
      try (InputStream in = Files.newInputStream(file)) {
        p.load(in);
      } catch (IOException | IllegalArgumentException e) {
        p.clear(); // an unreadable cache is recomputed
      }
    }
    return p;
  }

  private static void save(Path file, Properties p) {
    try {
      Path tmp = UmaskTempFile.createSibling(file);
      try (OutputStream out = Files.newOutputStream(tmp)) {
        p.store(out, "dx-rewrite epsilon calibrations (median N_w targets)");
      }
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      // read-only store folder: calibrations are simply not cached
    }
  }
}
