package io.dxrewrite.calibration;

import static org.assertj.core.api.Assertions.assertThat;

import io.dxrewrite.progress.ProgressListener;
import io.dxrewrite.embeddings.DefaultEmbeddings;
import io.dxrewrite.embeddings.EmbeddingStore;
import io.dxrewrite.files.UmaskProbe;
import io.dxrewrite.mechanism.MechanismContext;
import io.dxrewrite.mechanism.MechanismParameters;
import io.dxrewrite.nn.Nd4jExactIndex;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** N_w and S_w on the real embedded GloVe subset. */
class PlausibleDeniabilityTest {
  private static MechanismContext context;

  @BeforeAll
  static void open() {
    EmbeddingStore store = DefaultEmbeddings.open();
    context = MechanismContext.of(store, new Nd4jExactIndex(store), ProgressListener.NONE);
  }

  /**
   * With paired seeds, each word's N_w can only fall as epsilon decreases (CMP and Mahalanobis:
   * the noise ray is the same, its length scales with 1/epsilon, and a Voronoi cell is convex).
   */
  @Test
  void unchangedProbabilityIsNonIncreasingAsEpsilonDecreases() {
    int[] words = PlausibleDeniability.sampleWords(context.store().size(), 60, 3);
    for (String mechanism : new String[] {"cmp", "mahalanobis"}) {
      double[] previous = null;
      double previousMedian = Double.POSITIVE_INFINITY;
      for (double epsilon : new double[] {16, 12, 9, 7, 5}) {
        DeniabilityEstimate e =
            PlausibleDeniability.estimate(
                context, mechanism, MechanismParameters.DEFAULTS, epsilon, words, 40, 11, ProgressListener.NONE);
        if (previous != null) {
          for (int i = 0; i < words.length; i++) {
            assertThat(e.unchanged()[i])
                .as("%s word %d at epsilon %s", mechanism, words[i], epsilon)
                .isLessThanOrEqualTo(previous[i]);
          }
        }
        assertThat(e.unchangedQuantile(0.5)).isLessThanOrEqualTo(previousMedian);
        previous = e.unchanged();
        previousMedian = e.unchangedQuantile(0.5);
      }
      assertThat(previousMedian).as("N_w at epsilon 5 is far below 1").isLessThan(0.5);
    }
  }

  @Test
  void distinctOutputsCountEveryDifferentWord() {
    int[] words = PlausibleDeniability.sampleWords(context.store().size(), 20, 4);
    DeniabilityEstimate tiny =
        PlausibleDeniability.estimate(
            context, "cmp", MechanismParameters.DEFAULTS, 0.05, words, 30, 5, ProgressListener.NONE);
    DeniabilityEstimate huge =
        PlausibleDeniability.estimate(
            context, "cmp", MechanismParameters.DEFAULTS, 1e6, words, 30, 5, ProgressListener.NONE);
    assertThat(huge.distinctQuantile(0)).isEqualTo(1);
    assertThat(huge.unchangedQuantile(0)).isEqualTo(1);
    assertThat(tiny.distinctQuantile(0.5)).isGreaterThan(20);
    assertThat(tiny.unchangedQuantile(1)).isLessThan(0.2);
  }

  /**
   * The calibrated epsilon reproduces the target on a fresh Zipf sample: the text N_w measured at
   * the interval's ends brackets the target (with 0.05 allowance for the fresh sample's own error,
   * about 0.02 at 1,000 draws). The cache answers a request at most as precise as the cached
   * calibration without recomputing, whatever its seed, and recomputes a more precise one.
   */
  @Test
  void calibrationHitsTheTargetAndIsCached(@TempDir Path dir) throws Exception {
    EmbeddingStore store = DefaultEmbeddings.open();
    Path copy = dir.resolve("store.dxemb");
    Files.copy(store.path(), copy);
    EmbeddingStore local = EmbeddingStore.open(copy);
    MechanismContext localContext =
        MechanismContext.of(local, new Nd4jExactIndex(local), ProgressListener.NONE);
    Calibration c =
        CalibrationCache.calibrate(
            localContext, "cmp", MechanismParameters.DEFAULTS, 0.5, 1000, 1, 21, ProgressListener.NONE);
    assertThat(c.lower()).isLessThanOrEqualTo(c.epsilon());
    assertThat(c.upper()).isGreaterThanOrEqualTo(c.epsilon());
    assertThat(c.measuredNw()).isGreaterThanOrEqualTo(0.5);
    assertThat(c.vocabularyMedianNw()).isBetween(0.0, 1.0);
    int[] fresh = ZipfWordSample.sample(local.size(), 1000, 999);
    double atLower =
        PlausibleDeniability.estimate(localContext, "cmp", MechanismParameters.DEFAULTS, c.lower(), fresh, 1, 77, ProgressListener.NONE)
            .unchangedMean();
    double atUpper =
        PlausibleDeniability.estimate(localContext, "cmp", MechanismParameters.DEFAULTS, c.upper(), fresh, 1, 77, ProgressListener.NONE)
            .unchangedMean();
    assertThat(atLower).isLessThanOrEqualTo(0.5 + 0.05);
    assertThat(atUpper).isGreaterThanOrEqualTo(0.5 - 0.05);

    assertThat(copy.resolveSibling("store.dxemb.calibrations.properties")).exists();
    assertThat(Files.getPosixFilePermissions(copy.resolveSibling("store.dxemb.calibrations.properties")))
        .as("the cache follows the umask like a plainly created file")
        .isEqualTo(UmaskProbe.permissions(dir));
    Calibration cached =
        CalibrationCache.calibrate(
            localContext, "cmp", MechanismParameters.DEFAULTS, 0.5, 500, 1, 5,
            (done, total) -> {
              throw new AssertionError("a cached calibration at least as precise must be reused");
            });
    assertThat(cached).isEqualTo(c);
    assertThat(CalibrationCache.cached(localContext, "cmp", MechanismParameters.DEFAULTS, 0.5, 1000, 1))
        .contains(c);
    assertThat(CalibrationCache.cached(localContext, "cmp", MechanismParameters.DEFAULTS, 0.5, 1000, 2))
        .as("more trials than cached: not as precise").isEmpty();
    assertThat(CalibrationCache.cached(localContext, "cmp", MechanismParameters.DEFAULTS, 0.4, 10, 1))
        .as("another target").isEmpty();
  }
}
