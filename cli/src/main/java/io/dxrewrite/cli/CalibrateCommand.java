package io.dxrewrite.cli;

import io.dxrewrite.calibration.Calibration;
import io.dxrewrite.calibration.CalibrationCache;
import io.dxrewrite.cli.progress.TaskProgress;
import io.dxrewrite.mechanism.MechanismContext;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code dx-rewrite calibrate}: the epsilon whose median N_w is a target. */
@Command(
    name = "calibrate",
    mixinStandardHelpOptions = true,
    description = {
      "Finds the epsilon at which the median probability N_w that a word comes back unchanged "
          + "equals --target-nw (bisection over the monotone N_w curve), with a 95%% bootstrap "
          + "interval.",
      "Results are cached next to the store."
    })
final class CalibrateCommand implements Callable<Integer> {
  @Mixin EmbeddingsOption embeddings;
  @Mixin MechanismOptions mechanism;
  @Mixin SamplingOptions sampling;

  @Option(names = "--target-nw", required = true, paramLabel = "P", description = "Target median N_w in (0, 1).")
  double targetNw;

  @Override
  public Integer call() {
    mechanism.validate();
    MechanismContext context = mechanism.configure(embeddings.context());
    Calibration c;
    try (TaskProgress progress = new TaskProgress("calibrate", " evaluations")) {
      c =
          CalibrationCache.calibrate(
              context,
              mechanism.mechanism,
              mechanism.parameters(),
              targetNw,
              sampling.words,
              sampling.trials,
              sampling.seed,
              progress);
    }
    System.out.printf(
        "%s: epsilon %.4g for median N_w %.3f (95%% interval %.4g - %.4g; measured median N_w %.3f;"
            + " %d words x %d trials, seed %d)%n",
        c.mechanism(), c.epsilon(), c.targetNw(), c.lower(), c.upper(), c.measuredNw(),
        c.words(), c.trials(), c.seed());
    return DxRewriteCommand.EXIT_OK;
  }
}
