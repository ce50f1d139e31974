package io.dxrewrite.density;

import io.dxrewrite.progress.ProgressListener;

import static org.assertj.core.api.Assertions.assertThat;

import io.dxrewrite.embeddings.DefaultEmbeddings;
import io.dxrewrite.embeddings.EmbeddingStore;
import io.dxrewrite.embeddings.OutputVocabulary;
import io.dxrewrite.nn.Nd4jExactIndex;
import io.dxrewrite.nn.SubsetIndex;
import java.util.BitSet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.GammaDistribution;
import org.apache.commons.math3.random.JDKRandomGenerator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The certificate may only skip work: on 10^4 CMP-noisy queries per epsilon against the real
 * GloVe subset, the certified answers equal the full scan's, top-1 and top-2.
 */
class CertifiedNearestNeighboursTest {
  @TempDir static Path dir;
  private static EmbeddingStore store;
  private static Nd4jExactIndex index;
  private static CertifiedNearestNeighbours certified;
  private static NeighbourhoodTable table;

  @BeforeAll
  static void setUp() throws Exception {
    Path copy = dir.resolve("store.dxemb");
    Files.copy(DefaultEmbeddings.open().path(), copy);
    store = EmbeddingStore.open(copy);
    index = new Nd4jExactIndex(store);
    table = NeighbourhoodTableBuilder.openOrBuild(store, index, 64, ProgressListener.NONE);
    certified = new CertifiedNearestNeighbours(store, index, table);
  }

  @Test
  void certifiedAnswersEqualTheFullScanAtSeveralEpsilons() {
    int n = 10_000;
    int d = store.dimension();
    StringBuilder settledReport = new StringBuilder();
    for (double epsilon : new double[] {5, 10, 20, 50, 200}) {
      SplittableRandom random = new SplittableRandom((long) epsilon);
      JDKRandomGenerator gammaRandom = new JDKRandomGenerator((int) epsilon);
      GammaDistribution radius = new GammaDistribution(gammaRandom, d, 1 / epsilon);
      float[] z = new float[n * d];
      int[] origins = new int[n];
      double[] u = new double[d];
      for (int i = 0; i < n; i++) {
        origins[i] = random.nextInt(store.size());
        double norm = 0;
        for (int j = 0; j < d; j++) {
          u[j] = random.nextGaussian();
          norm += u[j] * u[j];
        }
        double r = radius.sample() / Math.sqrt(norm);
        for (int j = 0; j < d; j++) {
          z[i * d + j] = (float) (store.component(origins[i], j) + r * u[j]);
        }
      }
      CertifiedNearestNeighbours.Result top1 = certified.nearest(z, n, origins, 1);
      assertThat(top1.ids()).as("epsilon %s", epsilon).containsExactly(index.nearest(z, n));
      if (epsilon == 50) {
        CertifiedNearestNeighbours.Result top2 = certified.nearest(z, n, origins, 2);
        assertThat(top2.ids()).as("epsilon %s top-2", epsilon).containsExactly(index.nearest(z, n, 2));
      }
      settledReport.append(String.format(" epsilon %s: %.1f%%", epsilon, 100.0 * top1.settled() / n));
      if (epsilon >= 50) {
        assertThat(top1.settled()).as("the certificate must do something at large epsilon").isGreaterThan(n / 10);
      }
    }
    System.out.println("certificate settled (top-1):" + settledReport);
  }

  /**
   * Adversarial origins: the query sits on w's (K+1)-th neighbour u, just outside the table row,
   * while the origin hint says w. A certificate that forgot to subtract the noise radius would
   * answer with a table neighbour of w instead of u.
   */
  @Test
  void queriesJustOutsideTheTableRowAreNotMisanswered() {
    int n = 2000;
    int d = store.dimension();
    float[] own = new float[n * d];
    int[] origins = new int[n];
    for (int i = 0; i < n; i++) {
      origins[i] = i * 7;
      store.copyVector(origins[i], own, i * d);
    }
    int[] rows = index.nearest(own, n, 66);
    float[] z = new float[n * d];
    for (int i = 0; i < n; i++) {
      int u = rows[i * 66 + 65];
      store.copyVector(u, z, i * d);
      // nudge 10% of the way towards w so the local candidates look close
      for (int j = 0; j < d; j++) {
        z[i * d + j] += 0.1f * (own[i * d + j] - z[i * d + j]);
      }
    }
    assertThat(certified.nearest(z, n, origins, 1).ids()).containsExactly(index.nearest(z, n));
  }

  /**
   * The output vocabulary "letters" (GloVe holds ",", "." and numbers): the certificate with
   * candidates filtered to S answers exactly as the float64 brute force over S (computed here
   * independently), every answer lies in S, and wherever the unrestricted nearest word lies in S
   * the restricted answer is that word (post-processing changes nothing there).
   */
  @Test
  void restrictedToLettersTheCertifiedAnswersEqualTheBruteForceOverTheSubset() {
    BitSet allowed = OutputVocabulary.LETTERS.allowed(store.vocabulary());
    assertThat(allowed.cardinality()).isLessThan(store.size());
    SubsetIndex subset = new SubsetIndex(store, allowed, Nd4jExactIndex::new);
    CertifiedNearestNeighbours restricted =
        new CertifiedNearestNeighbours(store, subset, table, allowed);
    int n = 4000;
    int d = store.dimension();
    for (double epsilon : new double[] {10, 50}) {
      float[] z = new float[n * d];
      int[] origins = new int[n];
      noisyQueries(epsilon, z, origins);
      CertifiedNearestNeighbours.Result r = restricted.nearest(z, n, origins, 1);
      int[] full = index.nearest(z, n);
      int outsideBefore = 0;
      for (int i = 0; i < n; i++) {
        assertThat(allowed.get(r.ids()[i])).as("query %d answered outside S", i).isTrue();
        if (allowed.get(full[i])) {
          assertThat(r.ids()[i]).as("query %d, epsilon %s", i, epsilon).isEqualTo(full[i]);
        } else {
          outsideBefore++;
        }
      }
      assertThat(outsideBefore).as("some unrestricted answers must lie outside S").isPositive();
      for (int i = 0; i < 300; i++) {
        assertThat(r.ids()[i]).isEqualTo(bruteForceOver(allowed, z, i));
      }
      assertThat(r.ids()).containsExactly(subset.nearest(z, n));
      if (epsilon == 50) {
        assertThat(r.settled()).isGreaterThan(n / 10);
        assertThat(restricted.nearest(z, n, origins, 2).ids()).containsExactly(subset.nearest(z, n, 2));
      }
    }
  }

  private static int bruteForceOver(BitSet allowed, float[] z, int query) {
    int d = store.dimension();
    int best = -1;
    double bestDistance = Double.POSITIVE_INFINITY;
    for (int u = allowed.nextSetBit(0); u >= 0; u = allowed.nextSetBit(u + 1)) {
      double s = 0;
      for (int j = 0; j < d; j++) {
        double diff = (double) z[query * d + j] - store.component(u, j);
        s += diff * diff;
      }
      if (s < bestDistance) {
        bestDistance = s;
        best = u;
      }
    }
    return best;
  }

  private static void noisyQueries(double epsilon, float[] z, int[] origins) {
    int n = origins.length;
    int d = store.dimension();
    SplittableRandom random = new SplittableRandom(1000 + (long) epsilon);
    GammaDistribution radius =
        new GammaDistribution(new JDKRandomGenerator(1000 + (int) epsilon), d, 1 / epsilon);
    double[] u = new double[d];
    for (int i = 0; i < n; i++) {
      origins[i] = random.nextInt(store.size());
      double norm = 0;
      for (int j = 0; j < d; j++) {
        u[j] = random.nextGaussian();
        norm += u[j] * u[j];
      }
      double r = radius.sample() / Math.sqrt(norm);
      for (int j = 0; j < d; j++) {
        z[i * d + j] = (float) (store.component(origins[i], j) + r * u[j]);
      }
    }
  }
}
