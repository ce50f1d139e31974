package io.dxrewrite.cli;

import picocli.CommandLine.Option;

/** Monte Carlo settings of the plausible-deniability estimates. */
final class SamplingOptions {
  @Option(names = "--words", defaultValue = "500", paramLabel = "N", description = "Vocabulary words sampled. Default: ${DEFAULT-VALUE}.")
  int words;

  @Option(names = "--trials", defaultValue = "200", paramLabel = "N", description = "Mechanism runs per word. Default: ${DEFAULT-VALUE}.")
  int trials;

  @Option(
      names = "--sample-seed",
      defaultValue = "1",
      paramLabel = "N",
      description = "Seed of the word sample and the Monte Carlo draws (statistics only). Default: ${DEFAULT-VALUE}.")
  long seed;
}
