package io.dxrewrite.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.dxrewrite.density.NeighbourhoodTable;
import io.dxrewrite.progress.ProgressListener;
import io.dxrewrite.embeddings.EmbeddingStore;
import io.dxrewrite.mechanism.Mechanism;
import io.dxrewrite.mechanism.MultivariateLaplaceMechanism;
import io.dxrewrite.mechanism.MultivariateLaplaceNoise;
import io.dxrewrite.mechanism.NearestWordSearch;
import io.dxrewrite.mechanism.WordBatch;
import io.dxrewrite.nn.BruteForceIndex;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sampling mode on a planted violation. Null hypothesis of each audit: the mechanism is
 * epsilon-metric-DP as claimed; the auditor rejects it at family-wise level 1 - confidence = 0.05
 * (Bonferroni over pairs x 2 x |V| Clopper-Pearson tests), with a fixed seed.
 */
class PrivacyAuditorSamplingTest {
  private static final double EPSILON = 1.0;
  private static final long SEED = 20_261_130L;

  @TempDir static Path dir;
  private static EmbeddingStore store;
  private static NeighbourhoodTable table;

  @BeforeAll
  static void setUp() {
    store = AdversarialStores.line(dir, 12);
    table = AdversarialStores.fullTable(store);
  }

  /**
   * CMP with noise of density proportional to exp(-2 epsilon ||N||), i.e. scaled by 1/(2 epsilon),
   * while it claims epsilon: in truth it is only 2 epsilon-metric-DP.
   */
  static final class HalfNoiseCmp implements Mechanism {
    private final NearestWordSearch search;
    private final MultivariateLaplaceNoise noise;
    private final double claimed;

    HalfNoiseCmp(EmbeddingStore store, double epsilon) {
      this.search = NearestWordSearch.of(new BruteForceIndex(store));
      this.noise = new MultivariateLaplaceNoise(store.dimension(), 2 * epsilon);
      this.claimed = epsilon;
    }

    @Override
    public String name() {
      return "cmp-half-noise";
    }

    @Override
    public double epsilon() {
      return claimed;
    }

    @Override
    public int[] perturb(WordBatch batch) {
      return search.nearest(noise.perturbAll(batch), batch.size(), batch.ids(), 1);
    }
  }

  private static AuditConfig config() {
    return AuditConfig.defaults().withPairs(10).withSamples(20_000).withSeed(SEED);
  }

  @Test
  void findsThePlantedViolationOfCmpWithHalfTheNoise() {
    AuditReport report =
        new PrivacyAuditor(store, table)
            .audit(new HalfNoiseCmp(store, EPSILON), config(), ProgressListener.NONE);
    System.out.println("half-noise cmp: " + report.verdict());
    print(report);
    assertThat(report.mode()).isEqualTo(AuditMode.SAMPLING);
    assertThat(report.violated()).isTrue();
    PairResult worst = report.worst().get(0);
    assertThat(worst.lossLower()).isGreaterThan(worst.claimedBound());
    assertThat(worst.lossLower()).isLessThanOrEqualTo(worst.loss());
    // The true loss is at most 2 epsilon d: the estimate sits between the claim and the truth.
    assertThat(worst.lossLower()).isLessThanOrEqualTo(2 * EPSILON * worst.distance());
  }

  @Test
  void theCorrectCmpPassesTheSameAudit() {
    AuditReport report =
        new PrivacyAuditor(store, table)
            .audit(
                new MultivariateLaplaceMechanism(new BruteForceIndex(store), EPSILON),
                config(),
                ProgressListener.NONE);
    System.out.println("cmp: " + report.verdict());
    print(report);
    assertThat(report.violated()).as(report.verdict()).isFalse();
    assertThat(report.verdict()).startsWith("PASS");
    assertThat(report.tests()).isEqualTo((long) report.pairsChecked() * 2 * store.size());
    // Power check: the sampled losses come close to the claim, they are not vacuous.
    assertThat(report.worst().get(0).loss()).isGreaterThan(0.5 * report.worst().get(0).claimedBound());
  }

  static void print(AuditReport report) {
    for (PairResult r : report.worst()) {
      System.out.printf(
          "  %s %d->%d d=%.3f claim=%.3f y=%d loss=%.3f [%.3f, %.3f] %s%n",
          r.pair().source(), r.from(), r.to(), r.distance(), r.claimedBound(), r.output(), r.loss(),
          r.lossLower(), r.lossUpper(), r.violation() ? "VIOLATION" : "");
    }
  }
}
