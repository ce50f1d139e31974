package io.dxrewrite.calibration;

import io.dxrewrite.progress.ProgressListener;
import io.dxrewrite.error.DxPreconditions;
import io.dxrewrite.error.InvalidParameterException;
import io.dxrewrite.mechanism.MechanismContext;
import io.dxrewrite.mechanism.MechanismParameters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Finds the epsilon whose text-level N_w equals a target: the way users state privacy in terms they
 * can read ("half of a typical text's words come back unchanged"), since epsilons of different
 * mechanisms are not comparable.
 *
 * <p>Text-level N_w is the mean N_w over words drawn from the Zipf prior of {@link
 * ZipfWordSample} (a public stand-in for running text, where frequent words dominate); it rises
 * with epsilon. The calibrator brackets the target (halving, or growing by 4x), then bisects in log
 * epsilon (10 steps), evaluating {@link PlausibleDeniability} on one fixed word sample with common
 * random numbers. The 95% interval is a percentile bootstrap over the drawn words (200 resamples),
 * each resample's crossing interpolated in log epsilon between evaluated points. At the result it
 * also measures the vocabulary median N_w (uniform vocabulary words) as a second figure.
 *
 * <p>Defaults ({@link #DEFAULT_WORDS} words, {@link #DEFAULT_TRIALS} trial each) make every
 * evaluation a binomial sample of 4,000 independent (word, noise) draws: the text N_w at the
 * result has a standard error of at most 0.008, and the calibration takes seconds on the embedded
 * 20k-word store.
 */
public final class EpsilonCalibrator {
  /** Default number of words drawn from the Zipf prior. */
  public static final int DEFAULT_WORDS = 4000;
  /** Default trials per drawn word. */
  public static final int DEFAULT_TRIALS = 1;
  /** Uniform vocabulary words for the second figure, the vocabulary median N_w. */
  public static final int VOCABULARY_WORDS = 200;
  /** Trials per word for the vocabulary median N_w. */
  public static final int VOCABULARY_TRIALS = 20;
  private static final int BISECTION_STEPS = 10;
  private static final int BOOTSTRAP = 200;

  private EpsilonCalibrator() {}

  /**
   * @param context store, index and density data
   * @param mechanism mechanism name
   * @param parameters the mechanism's own parameters
   * @param targetNw target text-level N_w, in (0, 1)
   * @param words number of words drawn from the Zipf prior, {@code >= 1}
   * @param trials trials per drawn word, {@code >= 1}
   * @param seed seed of the word sample and of the common random numbers
   * @param listener progress in evaluations done (of about 20), reported from the start
   * @return the calibrated epsilon and its interval
   * @throws InvalidParameterException if the target is outside (0, 1) or cannot be reached
   */
  public static Calibration calibrate(
      MechanismContext context,
      String mechanism,
      MechanismParameters parameters,
      double targetNw,
      int words,
      int trials,
      long seed,
      ProgressListener listener) {
    DxPreconditions.checkArgument(
        targetNw > 0 && targetNw < 1, "target N_w must be in (0, 1), got " + targetNw);
    int[] sample = ZipfWordSample.sample(context.store().size(), words, seed);
    List<DeniabilityEstimate> evaluated = new ArrayList<>();
    int budget = BISECTION_STEPS + 20;
    listener.progress(0, budget); // progress shows from the first second
    Evaluator f =
        epsilon -> {
          DeniabilityEstimate e =
              PlausibleDeniability.estimate(
                  context, mechanism, parameters, epsilon, sample, trials, seed, ProgressListener.NONE);
          evaluated.add(e);
          listener.progress(evaluated.size(), budget);
          return e.unchangedMean();
        };

    double floor = smallestEpsilon(context, mechanism);
    double lo;
    double hi = Math.max(floor * 2, 10);
    if (f.textNw(hi) >= targetNw) {
      lo = hi;
      do {
        hi = lo;
        lo = Math.max(floor, lo / 2);
        if (evaluated.size() > 40) {
          break;
        }
      } while (f.textNw(lo) >= targetNw && lo > floor);
      if (lo <= floor && textNwAt(evaluated, lo) >= targetNw) {
        throw new InvalidParameterException(
            String.format(
                Locale.ROOT,
                "target N_w %s cannot be reached: at the smallest epsilon %s allowed for %s the"
                    + " text N_w is already %s",
                targetNw, floor, mechanism, textNwAt(evaluated, lo)));
      }
    } else {
      lo = hi;
      do {
        lo = hi;
        hi = hi * 4;
        if (evaluated.size() > 60) {
          throw new InvalidParameterException(
              "target N_w " + targetNw + " was not reached up to epsilon " + hi + " for " + mechanism);
        }
      } while (f.textNw(hi) < targetNw);
    }
    for (int i = 0; i < BISECTION_STEPS; i++) {
      double mid = Math.sqrt(lo * hi);
      if (f.textNw(mid) >= targetNw) {
        hi = mid;
      } else {
        lo = mid;
      }
    }
    double measured = textNwAt(evaluated, hi);
    evaluated.sort(Comparator.comparingDouble(DeniabilityEstimate::epsilon));
    double[] interval = bootstrap(evaluated, targetNw, seed);
    int vocabularyWords = Math.min(VOCABULARY_WORDS, context.store().size());
    double vocabularyMedian =
        PlausibleDeniability.estimate(
                context, mechanism, parameters, hi,
                PlausibleDeniability.sampleWords(context.store().size(), vocabularyWords, seed),
                VOCABULARY_TRIALS, seed, ProgressListener.NONE)
            .unchangedQuantile(0.5);
    listener.progress(budget, budget);
    return new Calibration(
        mechanism, targetNw, hi, interval[0], interval[1], measured, vocabularyMedian, words,
        trials, seed);
  }

  /**
   * @param context store and density data
   * @param mechanism mechanism name
   * @return the smallest epsilon the calibration tries (every registered mechanism accepts any
   *     epsilon above 0)
   */
  static double smallestEpsilon(MechanismContext context, String mechanism) {
    return 1e-3;
  }

  private static double textNwAt(List<DeniabilityEstimate> evaluated, double epsilon) {
    for (DeniabilityEstimate e : evaluated) {
      if (e.epsilon() == epsilon) {
        return e.unchangedMean();
      }
    }
    return Double.NaN;
  }

  private static double[] bootstrap(List<DeniabilityEstimate> sorted, double target, long seed) {
    int n = sorted.get(0).words().length;
    SplittableRandom random = new SplittableRandom(seed ^ 0x5DEECE66DL);
    double[] crossings = new double[BOOTSTRAP];
    int[] pick = new int[n];
    double[] column = new double[n];
    for (int b = 0; b < BOOTSTRAP; b++) {
      for (int i = 0; i < n; i++) {
        pick[i] = random.nextInt(n);
      }
      double prevEps = Double.NaN;
      double prevMean = Double.NaN;
      double crossing = sorted.get(sorted.size() - 1).epsilon();
      for (DeniabilityEstimate e : sorted) {
        for (int i = 0; i < n; i++) {
          column[i] = e.unchanged()[pick[i]];
        }
        double mean = Arrays.stream(column).average().orElse(Double.NaN);
        if (mean >= target) {
          if (Double.isNaN(prevEps) || mean == prevMean) {
            crossing = e.epsilon();
          } else {
            double frac = (target - prevMean) / (mean - prevMean);
            crossing = Math.exp(Math.log(prevEps) + frac * (Math.log(e.epsilon()) - Math.log(prevEps)));
          }
          break;
        }
        prevEps = e.epsilon();
        prevMean = mean;
      }
      crossings[b] = crossing;
    }
    Arrays.sort(crossings);
    return new double[] {
      DeniabilityEstimate.quantile(crossings, 0.025), DeniabilityEstimate.quantile(crossings, 0.975)
    };
  }

  @FunctionalInterface
  private interface Evaluator {
    double textNw(double epsilon);
  }
}
