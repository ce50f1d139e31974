package io.dxrewrite.cli;

import io.dxrewrite.error.DxPreconditions;
import io.dxrewrite.mechanism.MechanismParameters;
import io.dxrewrite.mechanism.Mechanisms;
import java.util.ArrayList;
import java.util.OptionalDouble;
import picocli.CommandLine.Option;

/** {@code --mechanism}, {@code --lambda} and {@code --t}, shared by the subcommands. */
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
  }

  MechanismParameters parameters() {
    return new MechanismParameters(
        lambda == null ? OptionalDouble.empty() : OptionalDouble.of(lambda),
        t == null ? OptionalDouble.empty() : OptionalDouble.of(t));
  }

  /** Completion candidates for {@code --mechanism}. */
  static final class Names extends ArrayList<String> {
    private static final long serialVersionUID = 1L;

    Names() {
      super(Mechanisms.names());
    }
  }
}
