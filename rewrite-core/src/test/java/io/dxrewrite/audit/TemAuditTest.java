package io.dxrewrite.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.dxrewrite.progress.ProgressListener;
import io.dxrewrite.embeddings.DefaultEmbeddings;
import io.dxrewrite.embeddings.EmbeddingStore;
import io.dxrewrite.embeddings.OutputVocabulary;
import io.dxrewrite.mechanism.Mechanism;
import io.dxrewrite.mechanism.MechanismContext;
import io.dxrewrite.mechanism.MechanismParameters;
import io.dxrewrite.mechanism.Mechanisms;
import io.dxrewrite.nn.Nd4jExactIndex;
import io.dxrewrite.nn.NearestNeighbourIndex;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * TEM, as the registry builds it on the embedded 20k GloVe store, passes the auditor's exact mode:
 * for every searched pair (nearest, rank-discrepancy, dense, sparse and random pairs) and every
 * output y, {@code ln P[M(w)=y] - ln P[M(w')=y] <= epsilon d(w,w')} up to the stated float64
 * tolerance. Checked with the default output vocabulary ({@code letters}) too, since that is what
 * the CLI and the server ship. Exact, so no significance level: a single violation fails.
 */
class TemAuditTest {
  private static EmbeddingStore store;

  @BeforeAll
  static void setUp() {
    store = DefaultEmbeddings.open();
  }

  @ParameterizedTest(name = "tem at epsilon {0}, output vocabulary {1}")
  @CsvSource({"3, all", "5, all", "3, letters"})
  void temPassesTheExactAudit(double epsilon, String outputs) {
    Function<EmbeddingStore, NearestNeighbourIndex> factory = Nd4jExactIndex::new;
    MechanismContext context =
        MechanismContext.of(store, factory.apply(store), ProgressListener.NONE)
            .restrictOutputs(OutputVocabulary.parse(outputs), factory::apply);
    Mechanism tem = Mechanisms.create("tem", context, epsilon, MechanismParameters.DEFAULTS);
    AuditReport report =
        new PrivacyAuditor(context.store(), context.table())
            .audit(tem, AuditConfig.defaults().withPairs(12).withSeed(11), ProgressListener.NONE);
    assertThat(report.mode()).isEqualTo(AuditMode.EXACT);
    assertThat(report.violated()).as(report.verdict()).isFalse();
    assertThat(report.pairsChecked()).isGreaterThanOrEqualTo(12);
    assertThat(report.worst()).isNotEmpty();
  }
}
