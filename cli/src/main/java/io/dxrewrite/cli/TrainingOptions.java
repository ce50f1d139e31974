package io.dxrewrite.cli;

import io.dxrewrite.nlu.train.TrainingConfig;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import picocli.CommandLine.Option;

/** Model and schedule options shared by {@code train} and {@code evaluate} (a picocli mixin). */
final class TrainingOptions {
  @Option(names = "--hidden", defaultValue = "128", paramLabel = "H",
      description = "Hidden ReLU units. Default: ${DEFAULT-VALUE}.")
  int hidden;

  @Option(names = "--optimizer", defaultValue = "adam", paramLabel = "adam|sgd",
      description = "Optimizer. Default: ${DEFAULT-VALUE}.")
  String optimizer;

  @Option(names = "--delta", defaultValue = "1e-5", paramLabel = "D",
      description = "DP delta; keep it well below 1/N. Default: ${DEFAULT-VALUE}.")
  double delta;

  @Option(names = "--clip", defaultValue = "1.0", paramLabel = "C",
      description = "DP per-example gradient clipping norm. Default: ${DEFAULT-VALUE}.")
  double clip;

  @Option(names = "--seed", paramLabel = "N",
      description = "Reproducible sampling and noise, for tests and audits only (reported as"
          + " seeded). Default: SecureRandom.")
  Long seed;

  TrainingConfig config(int epochs, int batch, double learningRate) {
    return new TrainingConfig(hidden, epochs, batch, learningRate, optimizer, false, 0, 0, 0,
        OptionalDouble.empty(), seed());
  }

  OptionalLong seed() {
    return seed == null ? OptionalLong.empty() : OptionalLong.of(seed);
  }
}
