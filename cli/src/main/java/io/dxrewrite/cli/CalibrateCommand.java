package io.dxrewrite.cli;

import io.dxrewrite.calibration.Calibration;
import io.dxrewrite.calibration.CalibrationCache;
import io.dxrewrite.cli.progress.TaskProgress;
import io.dxrewrite.mechanism.MechanismContext;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code dx-rewrite calibrate}: the epsilon whose text-level N_w (the share of a typical text's
 * words that come back unchanged) is a target; see {@link io.dxrewrite.calibration.Calibration}.
 */
@Command(
    name = "calibrate",
    mixinStandardHelpOptions = true,
    description = {
      "Finds the epsilon at which the share of a typical text's words that come back unchanged "
          + "equals --target-nw, with a 95%% bootstrap interval. A typical text is modelled by "
          + "words drawn from a Zipf prior over the store's frequency-ordered rows (p(rank r) "
          + "proportional to 1/r). Also prints the vocabulary median N_w at that epsilon (every "
          + "vocabulary word weighed alike, so rare words dominate it).",
      "Results are cached next to the store; a cached calibration with at least as many words "
          + "and trials is reused whatever its seed."
    })
final class CalibrateCommand implements Callable<Integer> {
  @Mixin EmbeddingsOption embeddings;
  @Mixin OutputVocabularyOption outputs;
  @Mixin MechanismOptions mechanism;
  @Mixin CalibrationOptions sampling;

  @Option(names = "--target-nw", required = true, paramLabel = "P", description = "Target share of a text's words left unchanged, in (0, 1).")
  double targetNw;

  @Override
  public Integer call() {
    mechanism.validate();
    MechanismContext context = mechanism.configure(embeddings.context(outputs));
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
        java.util.Locale.ROOT,
        "%s: epsilon %.4g for text N_w %.3f (95%% interval %.4g - %.4g; measured text N_w %.3f;"
            + " vocabulary median N_w %.3f; %d Zipf-drawn words x %d trials, seed %d)%n",
        c.mechanism(), c.epsilon(), c.targetNw(), c.lower(), c.upper(), c.measuredNw(),
        c.vocabularyMedianNw(), c.words(), c.trials(), c.seed());
    return DxRewriteCommand.EXIT_OK;
  }
}
