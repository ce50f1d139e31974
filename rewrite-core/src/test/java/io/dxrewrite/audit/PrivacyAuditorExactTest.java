package io.dxrewrite.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.dxrewrite.density.NeighbourhoodTable;
import io.dxrewrite.progress.ProgressListener;
import io.dxrewrite.embeddings.EmbeddingStore;
import io.dxrewrite.mechanism.TruncatedGumbelCalibration;
import io.dxrewrite.mechanism.TruncatedGumbelMechanism;
import io.dxrewrite.nn.BruteForceIndex;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Exact mode against the withdrawn truncated-Gumbel mechanism (test fixture, exact by numerical
 * integration) on issue 13's construction: y = -2 e_0 is w = 0's 2nd nearest word and w' = e_0's
 * last, so P[M(w') = y] needs k >= 32 with k ~ Poisson(ln 32), about 2e-20, while P[M(w) = y] is
 * moderate: the loss is tens of nats above epsilon d(w, w') = epsilon.
 */
class PrivacyAuditorExactTest {
  @TempDir static Path dir;

  @ParameterizedTest(name = "{0} x the smallest allowed epsilon")
  @ValueSource(doubles = {1.5, 3})
  void findsTheRankViolationOfTruncatedGumbel(double factor) {
    EmbeddingStore store = AdversarialStores.rankConstruction(dir);
    NeighbourhoodTable table = AdversarialStores.fullTable(store);
    assertThat(table.deltaMin()).isEqualTo(1.0);
    double epsilon = TruncatedGumbelCalibration.minimumEpsilon(store.size(), 1.0) * factor;
    TruncatedGumbelMechanism mechanism =
        new TruncatedGumbelMechanism(store, new BruteForceIndex(store), table, epsilon);

    AuditReport report =
        new PrivacyAuditor(store, table).audit(mechanism, AuditConfig.defaults(), ProgressListener.NONE);

    assertThat(report.mode()).isEqualTo(AuditMode.EXACT);
    assertThat(report.pairsChecked()).isEqualTo(33 * 32 / 2); // exhaustive
    assertThat(report.violated()).isTrue();
    assertThat(report.verdict()).startsWith("VIOLATION");
    PairResult worst = report.worst().get(0);
    assertThat(worst.violation()).isTrue();
    assertThat(worst.loss()).isGreaterThan(worst.claimedBound() + 5);
    // The construction's own pair: the worst output of w -> w' is y, far beyond epsilon d = epsilon.
    AuditReport all =
        new PrivacyAuditor(store, table)
            .audit(mechanism, AuditConfig.defaults().withWorst(1000), ProgressListener.NONE);
    PairResult toy =
        all.worst().stream()
            .filter(r -> r.from() == AdversarialStores.W && r.to() == AdversarialStores.W_PRIME)
            .findFirst()
            .orElseThrow();
    assertThat(toy.distance()).isEqualTo(1.0);
    assertThat(toy.output()).isEqualTo(AdversarialStores.Y);
    assertThat(toy.violation()).isTrue();
    // ln P[M(w')=y] <= ln P[k = 32] - ln P[k <= 32] (y is a candidate of w' only when all 32
    // others are), about -45.5 nats: the loss exceeds 38 nats as soon as P[M(w)=y] > 1e-3.
    double tail =
        new org.apache.commons.math3.distribution.PoissonDistribution(Math.log(32)).logProbability(32);
    assertThat(tail).isLessThan(-45);
    assertThat(toy.loss()).isGreaterThan(-tail - Math.log(1e3)).isGreaterThan(epsilon + 1);
    System.out.printf(
        "issue-13 toy at %.3g x min epsilon (%.4g): loss %.4g nats vs claimed %.4g; %d of %d pairs"
            + " violated%n",
        factor, epsilon, toy.loss(), toy.claimedBound(), all.violations(), all.pairsChecked());
  }
}
