package io.dxrewrite.cli;

import io.dxrewrite.error.DxPreconditions;
import io.dxrewrite.mechanism.MechanismContext;
import io.dxrewrite.mechanism.MechanismParameters;
import io.dxrewrite.mechanism.Mechanisms;
import io.dxrewrite.mechanism.TemMechanism;
import java.util.ArrayList;
import java.util.OptionalDouble;
import picocli.CommandLine.Option;

/**
 * {@code --mechanism}, {@code --lambda}, {@code --t}, {@code --beta} and {@code --tem-cache-mb},
 * shared by the subcommands.
 */
final class MechanismOptions {
  @Option(
      names = "--mechanism",
      defaultValue = "cmp",
      paramLabel = "M",
      description = "Mechanism: ${COMPLETION-CANDIDATES}. Default: ${DEFAULT-VALUE}.",
      completionCandidates = Names.class)
  String mechanism;

  @Option(
      names = "--lambda",
      paramLabel = "L",
      description =
          "Mahalanobis regularisation in [0, 1] (mahalanobis: default 0.2; vickrey: default 0 = CMP"
              + " noise).")
  Double lambda;

  @Option(names = "--t", paramLabel = "T", description = "Vickrey parameter in [0, 1] (default 0.75).")
  Double t;

  @Option(
      names = "--beta",
      paramLabel = "B",
      description =
          "TEM parameter in (0, 1) (default 0.001): gamma = (2/epsilon) ln((1 - beta)(|V| - 1)/beta)"
              + " bounds the neighbourhood whose words keep their own score.")
  Double beta;

  @Option(
      names = "--tem-cache-mb",
      paramLabel = "MB",
      description =
          "TEM: heap budget of the samplers kept across batches for the most recently used words"
              + " (default 256; 0 = scan each distinct word once per batch). About 4 MB per word"
              + " on the full GloVe store.")
  Long temCacheMb;

  /** Fails fast, before any store is opened, on an unknown mechanism or a parameter out of range. */
  void validate() {
    Mechanisms.checkName(mechanism);
    if (lambda != null) {
      DxPreconditions.checkArgument(
          mechanism.equals("mahalanobis") || mechanism.equals("vickrey"),
          "--lambda applies to mahalanobis and vickrey only, not " + mechanism);
      DxPreconditions.checkInRange("lambda", lambda, 0, 1);
    }
    if (t != null) {
      DxPreconditions.checkArgument(
          mechanism.equals("vickrey"), "--t applies to vickrey only, not " + mechanism);
      DxPreconditions.checkInRange("t", t, 0, 1);
    }
    if (beta != null) {
      DxPreconditions.checkArgument(
          mechanism.equals(TemMechanism.NAME), "--beta applies to tem only, not " + mechanism);
      DxPreconditions.checkArgument(
          beta > 0 && beta < 1, "beta must be in (0, 1) (exclusive), got " + beta);
    }
    if (temCacheMb != null) {
      DxPreconditions.checkArgument(
          temCacheMb >= 0 && temCacheMb <= (Long.MAX_VALUE >> 20),
          "--tem-cache-mb must be >= 0, got " + temCacheMb);
    }
  }

  /**
   * Applies {@code --tem-cache-mb} to a freshly opened context.
   *
   * @param context the context the command rewrites with
   * @return the context
   */
  MechanismContext configure(MechanismContext context) {
    if (temCacheMb != null) {
      context.temCacheBytes(temCacheMb << 20);
    }
    return context;
  }

  MechanismParameters parameters() {
    return new MechanismParameters(
        lambda == null ? OptionalDouble.empty() : OptionalDouble.of(lambda),
        t == null ? OptionalDouble.empty() : OptionalDouble.of(t),
        beta == null ? OptionalDouble.empty() : OptionalDouble.of(beta));
  }

  /** Completion candidates for {@code --mechanism}. */
  static final class Names extends ArrayList<String> {
    private static final long serialVersionUID = 1L;

    Names() {
      super(Mechanisms.names());
    }
  }
}
