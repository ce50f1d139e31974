package io.dxrewrite.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.dxrewrite.mechanism.spec.MechanismCatalogue;
import io.dxrewrite.mechanism.spec.ParameterSpec;
import org.junit.jupiter.api.Test;

/**
 * The CLI's mechanism options are the catalogue's: their help states the catalogue's ranges and
 * defaults, and their checks are the catalogue's ({@link MechanismCatalogue#parameters}).
 */
class MechanismHelpCliTest {
  /** Help text with picocli's line wrapping and column padding folded into single spaces. */
  private static String flat(String text) {
    return text.replaceAll("\\s+", " ");
  }

  @Test
  void helpOfEverySubcommandWithMechanismOptionsIsTheCatalogues() {
    for (String command : new String[] {"rewrite", "stats", "calibrate", "audit"}) {
      CliRun help = CliRun.of(command, "--help");
      assertThat(help.exitCode()).isZero();
      String text = flat(help.out());
      for (ParameterSpec p : MechanismCatalogue.OWN_PARAMETERS) {
        assertThat(text)
            .as(command + " " + p.cliFlag())
            .contains(flat(p.help(MechanismCatalogue.names())));
      }
    }
    String rewrite = flat(CliRun.of("rewrite", "--help").out());
    assertThat(rewrite).contains("Epsilon per word, in [1e-6, max].");
    assertThat(rewrite).contains("a share P in (0, 1) of a typical text's words");
    assertThat(rewrite).contains("--lambda=L mahalanobis and vickrey only: Mahalanobis"
        + " regularisation").contains("default mahalanobis 0.2, vickrey 0.");
    assertThat(rewrite).contains("(default 64; 0 = scan each distinct word once per batch)");
  }

  @Test
  void outOfRangeAndMisappliedParametersAreRefusedWithTheCatalogueMessages() {
    CliRun t = CliRun.of("rewrite", "--epsilon", "5", "--mechanism", "vickrey", "--t", "1.5",
        "--input", "../examples/amazon-sentences.txt");
    assertThat(t.exitCode()).isEqualTo(2);
    assertThat(t.err()).contains("t must be in [0.0, 1.0], got 1.5");
    CliRun lambda =
        CliRun.of("stats", "--epsilons", "5", "--mechanism", "tem", "--lambda", "0.5");
    assertThat(lambda.exitCode()).isEqualTo(2);
    assertThat(lambda.err()).contains("--lambda applies to mahalanobis and vickrey only, not tem");
  }
}
