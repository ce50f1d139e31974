package io.dxrewrite.mechanism.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dxrewrite.progress.ProgressListener;
import io.dxrewrite.embeddings.DefaultEmbeddings;
import io.dxrewrite.embeddings.EmbeddingStore;
import io.dxrewrite.error.InvalidParameterException;
import io.dxrewrite.mechanism.MahalanobisMechanism;
import io.dxrewrite.mechanism.MahalanobisNoise;
import io.dxrewrite.mechanism.MechanismContext;
import io.dxrewrite.mechanism.MechanismParameters;
import io.dxrewrite.mechanism.Mechanisms;
import io.dxrewrite.mechanism.MultivariateLaplaceNoise;
import io.dxrewrite.mechanism.TemMechanism;
import io.dxrewrite.mechanism.VickreyMechanism;
import io.dxrewrite.nn.IndexKind;
import io.dxrewrite.rewrite.RewriteOptions;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The catalogue's checks, and that the mechanisms really run with the defaults it states. */
class MechanismCatalogueTest {
  @Test
  void rangesKeepTheirEnds() {
    assertThat(Range.closed(0, 1).contains(0)).isTrue();
    assertThat(Range.closed(0, 1).contains(1)).isTrue();
    assertThat(Range.open(0, 1).contains(0)).isFalse();
    assertThat(Range.open(0, 1).contains(1)).isFalse();
    assertThat(Range.open(0, 1).contains(Double.NaN)).isFalse();
    assertThat(Range.closed(0, 1).describe()).isEqualTo("[0, 1]");
    assertThat(Range.open(0, 1).describe()).isEqualTo("(0, 1)");
    assertThat(MechanismCatalogue.EPSILON.range().describe()).isEqualTo("[1e-6, max]");
  }

  @Test
  void parametersAreCheckedForTheirMechanismWithTheCallersSpelling() {
    assertThatThrownBy(() -> MechanismCatalogue.parameters("cmp", 0.5, null, null, ParameterSpec::cliFlag))
        .isInstanceOf(InvalidParameterException.class)
        .hasMessage("--lambda applies to mahalanobis and vickrey only, not cmp");
    assertThatThrownBy(() -> MechanismCatalogue.parameters("mahalanobis", null, 0.5, null, ParameterSpec::name))
        .hasMessage("t applies to vickrey only, not mahalanobis");
    assertThatThrownBy(() -> MechanismCatalogue.parameters("vickrey", null, null, 0.1, ParameterSpec::cliFlag))
        .hasMessage("--beta applies to tem only, not vickrey");
    assertThatThrownBy(() -> MechanismCatalogue.parameters("vickrey", 1.5, null, null, ParameterSpec::name))
        .hasMessage("lambda must be in [0.0, 1.0], got 1.5");
    assertThatThrownBy(() -> MechanismCatalogue.parameters("tem", null, null, 1.0, ParameterSpec::name))
        .hasMessage("beta must be in (0, 1) (exclusive), got 1.0");
    MechanismParameters p = MechanismCatalogue.parameters("vickrey", 0.0, 1.0, null, ParameterSpec::name);
    assertThat(p.lambda().getAsDouble()).isEqualTo(0.0);
    assertThat(p.t().getAsDouble()).isEqualTo(1.0);
    assertThat(p.beta()).isEmpty();
  }

  @Test
  void rewriteOptionsCheckRangesThroughTheCatalogue() {
    assertThatThrownBy(() -> RewriteOptions.builder().epsilon(1).mechanism("tem").beta(0).build())
        .hasMessage("beta must be in (0, 1) (exclusive), got 0.0");
    assertThatThrownBy(() -> RewriteOptions.builder().epsilon(1).mechanism("vickrey").t(-0.1).build())
        .hasMessage("t must be in [0.0, 1.0], got -0.1");
  }

  @Test
  void everyNameIsOneMechanismAndWithdrawnNamesSayWhy() {
    assertThat(Mechanisms.names()).isEqualTo(MechanismCatalogue.names());
    assertThat(MechanismCatalogue.names()).doesNotHaveDuplicates();
    for (WithdrawnMechanism w : MechanismCatalogue.WITHDRAWN) {
      assertThat(MechanismCatalogue.names()).doesNotContain(w.name());
      assertThatThrownBy(() -> Mechanisms.checkName(w.name()))
          .hasMessageContaining("was withdrawn: " + w.reason())
          .hasMessageContaining("Use one of: cmp, mahalanobis, vickrey, tem");
    }
    for (ParameterSpec p : MechanismCatalogue.PARAMETERS) {
      assertThat(MechanismCatalogue.names()).containsAll(p.mechanisms());
    }
  }

  /** Each stated default is the value the constructed mechanism really uses. */
  @Test
  void statedDefaultsAreTheDefaultsMechanismsAreBuiltWith() {
    EmbeddingStore store = DefaultEmbeddings.open();
    MechanismContext context =
        MechanismContext.of(store, IndexKind.fromCliName("auto").create(store), ProgressListener.NONE);
    MechanismParameters none = MechanismParameters.DEFAULTS;

    var mahalanobis = (MahalanobisMechanism) Mechanisms.create("mahalanobis", context, 5, none);
    assertThat(((MahalanobisNoise) mahalanobis.noise()).lambda())
        .isEqualTo(MechanismCatalogue.LAMBDA.defaultFor("mahalanobis").getAsDouble());

    var vickrey = (VickreyMechanism) Mechanisms.create("vickrey", context, 5, none);
    assertThat(MechanismCatalogue.LAMBDA.defaultFor("vickrey").getAsDouble()).isEqualTo(0.0);
    assertThat(vickrey.noise()).isInstanceOf(MultivariateLaplaceNoise.class);
    var vickreyMahalanobis = (VickreyMechanism) Mechanisms.create("vickrey", context, 5,
        MechanismCatalogue.parameters("vickrey", 0.3, null, null, ParameterSpec::name));
    assertThat(((MahalanobisNoise) vickreyMahalanobis.noise()).lambda()).isEqualTo(0.3);

    var tem = (TemMechanism) Mechanisms.create("tem", context, 5, none);
    assertThat(tem.beta()).isEqualTo(MechanismCatalogue.BETA.defaultFor("tem").getAsDouble());
    assertThat(MechanismCatalogue.T.defaultFor("vickrey").getAsDouble())
        .isEqualTo(VickreyMechanism.DEFAULT_T);
    assertThat(MechanismCatalogue.parametersOf("cmp"))
        .isEqualTo(List.of(MechanismCatalogue.EPSILON, MechanismCatalogue.TARGET_NW));
  }
}
