package io.dxrewrite.cli;

import io.dxrewrite.error.DxPreconditions;
import io.dxrewrite.mechanism.MechanismContext;
import io.dxrewrite.mechanism.MechanismParameters;
import io.dxrewrite.mechanism.Mechanisms;
import io.dxrewrite.mechanism.TemSamplerCache;
import io.dxrewrite.mechanism.spec.MechanismCatalogue;
import io.dxrewrite.mechanism.spec.ParameterSpec;
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
      defaultValue = MechanismCatalogue.DEFAULT_MECHANISM,
      paramLabel = "M",
      description = "Mechanism: ${COMPLETION-CANDIDATES}. Default: ${DEFAULT-VALUE}.",
      completionCandidates = Names.class)
  String mechanism;

  // descriptions, ranges and defaults of --lambda, --t and --beta come from MechanismCatalogue
  // through io.dxrewrite.mechanism.spec.MechanismHelpBundle (keys "lambda", "t", "beta")
  @Option(names = "--lambda", paramLabel = "L")
  Double lambda;

  @Option(names = "--t", paramLabel = "T")
  Double t;

  @Option(names = "--beta", paramLabel = "B")
  Double beta;

  @Option(
      names = "--tem-cache-mb",
      paramLabel = "MB",
      description =
          "TEM: heap budget of the samplers kept across batches for the most recently used words"
              + " (default " + (TemSamplerCache.DEFAULT_BYTES >> 20) + "; 0 = scan each distinct"
              + " word once per batch). About 2.5 KB per word.")
  Long temCacheMb;

  /**
   * Fails fast, before any store is opened, on an unknown or withdrawn mechanism or a parameter
   * that does not apply to it or is out of range ({@link MechanismCatalogue#parameters}).
   *
   * @throws io.dxrewrite.error.InvalidParameterException naming the flag and what is allowed
   */
  void validate() {
    Mechanisms.checkName(mechanism);
    MechanismCatalogue.parameters(mechanism, lambda, t, beta, ParameterSpec::cliFlag);
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
