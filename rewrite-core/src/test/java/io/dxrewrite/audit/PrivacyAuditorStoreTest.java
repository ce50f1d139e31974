package io.dxrewrite.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.dxrewrite.progress.ProgressListener;
import io.dxrewrite.embeddings.DefaultEmbeddings;
import io.dxrewrite.embeddings.EmbeddingStore;
import io.dxrewrite.mechanism.Mechanism;
import io.dxrewrite.mechanism.MechanismContext;
import io.dxrewrite.mechanism.MechanismParameters;
import io.dxrewrite.mechanism.Mechanisms;
import io.dxrewrite.nn.Nd4jExactIndex;
import java.util.OptionalDouble;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The shipped additive mechanisms pass the sampling audit on the embedded 20k GloVe store. Null
 * hypothesis: each is epsilon-metric-DP in its claimed metric; rejected at family-wise level 0.05
 * (Bonferroni), fixed seed. The pair search runs on the real neighbourhood table (nearest, rank,
 * dense, sparse, random pairs).
 */
class PrivacyAuditorStoreTest {
  private static MechanismContext context;

  @BeforeAll
  static void setUp() {
    EmbeddingStore store = DefaultEmbeddings.open();
    context = MechanismContext.of(store, new Nd4jExactIndex(store), ProgressListener.NONE);
  }

  @ParameterizedTest(name = "{0} at epsilon {1}")
  @CsvSource({"cmp, 2", "mahalanobis, 2", "vickrey, 2"})
  void shippedMechanismPasses(String name, double epsilon) {
    Mechanism mechanism =
        Mechanisms.create(
            name,
            context,
            epsilon,
            name.equals("vickrey")
                ? new MechanismParameters(OptionalDouble.of(0.2), OptionalDouble.empty())
                : MechanismParameters.DEFAULTS);
    AuditReport report =
        new PrivacyAuditor(context.store(), context.table())
            .audit(
                mechanism,
                AuditConfig.defaults().withPairs(10).withSamples(4000).withSeed(7),
                ProgressListener.NONE);
    System.out.println(report.verdict());
    PrivacyAuditorSamplingTest.print(report);
    assertThat(report.violated()).as(report.verdict()).isFalse();
    assertThat(report.metric())
        .startsWith(name.equals("cmp") ? "euclidean" : "regularised mahalanobis");
    assertThat(report.worst()).isNotEmpty();
    assertThat(report.worst().get(0).output()).isNotNegative();
  }
}
