package io.dxrewrite.calibration;

import io.dxrewrite.files.UmaskTempFile;
import io.dxrewrite.progress.ProgressListener;
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
import java.util.Optional;
import java.util.Properties;

/**
 * Calibrations cached per store and mechanism in a properties file next to the store ({@code
 * STORE.calibrations.properties}), keyed by the store checksum, mechanism, its parameters and the
 * target (text-level N_w, see {@link Calibration}). The value records the calibration and the
 * sample it came from (words, trials, seed); a request is answered from the cache when the cached
 * calibration is at least as precise ({@link Calibration#atLeastAsPreciseAs}), whatever its seed,
 * and a new calibration replaces a cached one only when it is at least as precise. Entries of the
 * earlier median-N_w definition (keys without {@code text-target}) are never read for a text
 * target. A store folder that is not writable only disables the cache.
 */
public final class CalibrationCache {
  private static final String FORMAT = "text-nw-v1";

  private CalibrationCache() {}

  /**
   * Returns a cached calibration at least as precise as the settings ask, or computes and caches
   * one.
   *
   * @param context store, index and density data
   * @param mechanism mechanism name
   * @param parameters the mechanism's own parameters
   * @param targetNw target text-level N_w in (0, 1)
   * @param words words drawn from the Zipf prior
   * @param trials trials per word
   * @param seed seed of the sample and common random numbers
   * @param listener progress of a computation
   * @return the calibration (its {@code words}, {@code trials} and {@code seed} say which sample
   *     it came from)
   * @throws io.dxrewrite.error.InvalidParameterException if the target is out of range or cannot
   *     be reached
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
    Path file = file(context.store());
    String key = key(context, mechanism, parameters, targetNw);
    Properties cache = load(file);
    Optional<Calibration> hit = parse(cache.getProperty(key), mechanism, targetNw);
    if (hit.isPresent() && hit.get().atLeastAsPreciseAs(words, trials)) {
      return hit.get();
    }
    Calibration c =
        EpsilonCalibrator.calibrate(
            context, mechanism, parameters, targetNw, words, trials, seed, listener);
    cache = load(file); // another process may have written meanwhile
    Optional<Calibration> now = parse(cache.getProperty(key), mechanism, targetNw);
    if (now.isEmpty() || c.atLeastAsPreciseAs(now.get().words(), now.get().trials())) {
      cache.setProperty(key, format(c));
      save(file, cache);
    }
    return c;
  }

  /**
   * The cached calibration for a target, if one at least as precise as the settings ask is
   * cached; never computes. Reads one small file: fast enough for a request thread.
   *
   * @param context store, index and density data
   * @param mechanism mechanism name
   * @param parameters the mechanism's own parameters
   * @param targetNw target text-level N_w in (0, 1)
   * @param words words the caller would draw
   * @param trials trials per word the caller would use
   * @return the cached calibration, or empty
   */
  public static synchronized Optional<Calibration> cached(
      MechanismContext context,
      String mechanism,
      MechanismParameters parameters,
      double targetNw,
      int words,
      int trials) {
    Properties cache = load(file(context.store()));
    return parse(cache.getProperty(key(context, mechanism, parameters, targetNw)),
            mechanism, targetNw)
        .filter(c -> c.atLeastAsPreciseAs(words, trials));
  }

  private static Path file(EmbeddingStore store) {
    return store.path().resolveSibling(store.path().getFileName() + ".calibrations.properties");
  }

  /**
   * The cache key: store checksum, mechanism, its parameters, the target, and the output
   * vocabulary when one restricts the candidates (N_w depends on which words may be outputs; the
   * unrestricted key keeps its old form).
   */
  private static String key(
      MechanismContext context, String mechanism, MechanismParameters parameters, double targetNw) {
    String key = String.format(
        Locale.ROOT,
        "%x.%s.lambda=%s.t=%s.text-target=%s",
        context.store().checksum(),
        mechanism,
        parameters.lambda().isPresent() ? parameters.lambda().getAsDouble() : "default",
        parameters.t().isPresent() ? parameters.t().getAsDouble() : "default",
        targetNw);
    if (parameters.beta().isPresent()) {
      key += String.format(Locale.ROOT, ".beta=%s", parameters.beta().getAsDouble());
    }
    java.util.BitSet allowed = context.allowedOutputs();
    if (allowed != null) {
      key += String.format(Locale.ROOT, ".outputs=%x.%d", allowed.hashCode(), allowed.cardinality());
    }
    return key;
  }

  /** FORMAT,epsilon,lower,upper,textNw,vocabularyMedianNw,words,trials,seed. */
  private static String format(Calibration c) {
    return FORMAT + "," + c.epsilon() + "," + c.lower() + "," + c.upper() + "," + c.measuredNw()
        + "," + c.vocabularyMedianNw() + "," + c.words() + "," + c.trials() + "," + c.seed();
  }

  private static Optional<Calibration> parse(String value, String mechanism, double targetNw) {
    if (value == null) {
      return Optional.empty();
    }
    String[] f = value.split(",");
    if (f.length != 9 || !FORMAT.equals(f[0])) {
      return Optional.empty();
    }
    try {
      return Optional.of(new Calibration(
          mechanism,
          targetNw,
          Double.parseDouble(f[1]),
          Double.parseDouble(f[2]),
          Double.parseDouble(f[3]),
          Double.parseDouble(f[4]),
          Double.parseDouble(f[5]),
          Integer.parseInt(f[6]),
          Integer.parseInt(f[7]),
          Long.parseLong(f[8])));
    } catch (NumberFormatException e) {
      return Optional.empty(); // a damaged entry is recomputed
    }
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
        p.store(out, "dx-rewrite epsilon calibrations: text-level N_w targets (Zipf-weighted words);"
            + " value = format,epsilon,lower95,upper95,text_nw,vocabulary_median_nw,words,trials,seed");
      }
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      // read-only store folder: calibrations are simply not cached
    }
  }
}
