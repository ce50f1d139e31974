package io.dxrewrite.calibration;

import io.dxrewrite.density.ProgressListener;
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
 * Finds the epsilon whose median N_w equals a target: the way users state privacy in terms they
 * can read ("half of the words come back unchanged"), since epsilons of different mechanisms are
 * not comparable.
 *
 * <p>Median N_w rises with epsilon. The calibrator brackets the target (halving, or growing by 4x),
 * then bisects
 * in log epsilon (14 steps), evaluating {@link PlausibleDeniability} on one fixed word sample with
 * common random numbers. The 95% interval is a percentile bootstrap over the sampled words (200
 * resamples), each resample's crossing interpolated in log epsilon between evaluated points.
 */
public final class EpsilonCalibrator {
  private static final int BISECTION_STEPS = 14;
  private static final int BOOTSTRAP = 200;

  private EpsilonCalibrator() {}

  /**
   * @param context store, index and density data
   * @param mechanism mechanism name
   * @param parameters the mechanism's own parameters
   * @param targetNw target median N_w, in (0, 1)
   * @param words number of sampled words
   * @param trials trials per word
   * @param seed seed of the word sample and of the common random numbers
   * @param listener progress in evaluations done (of about 20)
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
    int[] sample = PlausibleDeniability.sampleWords(context.store().size(), words, seed);
    List<DeniabilityEstimate> evaluated = new ArrayList<>();
    int budget = BISECTION_STEPS + 20;
    Evaluator f =
        epsilon -> {
          DeniabilityEstimate e =
              PlausibleDeniability.estimate(
                  context, mechanism, parameters, epsilon, sample, trials, seed, ProgressListener.NONE);
          evaluated.add(e);
          listener.progress(evaluated.size(), budget);
          return e.unchangedQuantile(0.5);
        };

    double floor = smallestEpsilon(context, mechanism);
    double lo;
    double hi = Math.max(floor * 2, 10);
    if (f.medianNw(hi) >= targetNw) {
      lo = hi;
      do {
        hi = lo;
        lo = Math.max(floor, lo / 2);
        if (evaluated.size() > 40) {
          break;
        }
      } while (f.medianNw(lo) >= targetNw && lo > floor);
      if (lo <= floor && medianAt(evaluated, lo) >= targetNw) {
        throw new InvalidParameterException(
            String.format(
                Locale.ROOT,
                "target N_w %s cannot be reached: at the smallest epsilon %s allowed for %s the"
                    + " median N_w is already %s",
                targetNw, floor, mechanism, medianAt(evaluated, lo)));
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
      } while (f.medianNw(hi) < targetNw);
    }
    for (int i = 0; i < BISECTION_STEPS; i++) {
      double mid = Math.sqrt(lo * hi);
      if (f.medianNw(mid) >= targetNw) {
        hi = mid;
      } else {
        lo = mid;
      }
    }
    double measured = medianAt(evaluated, hi);
    evaluated.sort(Comparator.comparingDouble(DeniabilityEstimate::epsilon));
    double[] interval = bootstrap(evaluated, targetNw, seed);
    listener.progress(budget, budget);
    return new Calibration(
        mechanism, targetNw, hi, interval[0], interval[1], measured, words, trials, seed);
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

  private static double medianAt(List<DeniabilityEstimate> evaluated, double epsilon) {
    for (DeniabilityEstimate e : evaluated) {
      if (e.epsilon() == epsilon) {
        return e.unchangedQuantile(0.5);
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
      double prevMedian = Double.NaN;
      double crossing = sorted.get(sorted.size() - 1).epsilon();
      for (DeniabilityEstimate e : sorted) {
        for (int i = 0; i < n; i++) {
          column[i] = e.unchanged()[pick[i]];
        }
        double median = DeniabilityEstimate.quantile(column, 0.5);
        if (median >= target) {
          if (Double.isNaN(prevEps) || median == prevMedian) {
            crossing = e.epsilon();
          } else {
            double frac = (target - prevMedian) / (median - prevMedian);
            crossing = Math.exp(Math.log(prevEps) + frac * (Math.log(e.epsilon()) - Math.log(prevEps)));
          }
          break;
        }
        prevEps = e.epsilon();
        prevMedian = median;
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
    double medianNw(double epsilon);
  }
}
