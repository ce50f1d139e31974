package io.dxrewrite.cli;

import io.dxrewrite.calibration.EpsilonCalibrator;
import picocli.CommandLine.Option;

/**
 * Monte Carlo settings of a text-level N_w calibration ({@code calibrate}, {@code rewrite
 * --target-nw}); defaults from {@link EpsilonCalibrator}.
 */
final class CalibrationOptions {
  @Option(
      names = "--words",
      defaultValue = "" + EpsilonCalibrator.DEFAULT_WORDS,
      paramLabel = "N",
      description =
          "Words drawn from the Zipf prior over the store's frequency-ordered rows (a stand-in"
              + " for running text). Default: ${DEFAULT-VALUE}: the text N_w at the result has a"
              + " standard error of at most 0.008.")
  int words;

  @Option(
      names = "--trials",
      defaultValue = "" + EpsilonCalibrator.DEFAULT_TRIALS,
      paramLabel = "N",
      description = "Mechanism runs per drawn word. Default: ${DEFAULT-VALUE}.")
  int trials;

  @Option(
      names = "--sample-seed",
      defaultValue = "1",
      paramLabel = "N",
      description =
          "Seed of the word sample and the Monte Carlo draws (statistics only, never the"
              + " rewriting noise). Default: ${DEFAULT-VALUE}.")
  long seed;
}
