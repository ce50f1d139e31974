package io.dxrewrite.mechanism;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dxrewrite.embeddings.DefaultEmbeddings;
import io.dxrewrite.embeddings.EmbeddingStore;
import io.dxrewrite.error.InvalidParameterException;
import io.dxrewrite.nn.BruteForceIndex;
import io.dxrewrite.nn.NearestNeighbourIndex;
import io.dxrewrite.testing.StatisticalTests;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import java.util.stream.IntStream;
import org.apache.commons.math3.stat.inference.ChiSquareTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TEM (Carvalho et al., SDM 2023, Algorithm 1) against its closed form {@code P[M(x)=y] ∝
 * exp(-(epsilon/2) min(d(x,y), gamma))} on O, computed here from the embeddings independently of
 * the implementation, and its epsilon d_X-privacy checked exactly.
 *
 * <p>Both published ⊥ bugs change the sampled law: a factor 2 instead of 2/epsilon in front of
 * ln|O \ L_x| multiplies ⊥'s mass by {@code |O \ L_x|^(epsilon - 1)} (so no test here uses epsilon
 * 1, where the two agree), and one noise vector of the embedding's dimension d instead of one draw
 * per candidate makes candidates share noise as soon as {@code |L_x| > d}, so the best-scored of
 * each sharing group always beats the others. The real neighbourhood below has {@code |L_x| > d}.
 */
class TemMechanismTest {
  private static final double BETA = 0.001;

  /**
   * Beta of the sampling tests: at the default 0.001 the mass of ⊥ is at most about beta, too
   * little for a sampling test to see a wrong ⊥ score; at 0.5 ⊥ carries a large share.
   */
  private static final double SAMPLING_BETA = 0.5;
  private static EmbeddingStore glove;
  private static NearestNeighbourIndex gloveIndex;
  @TempDir static Path dir;

  @BeforeAll
  static void open() {
    glove = DefaultEmbeddings.open();
    gloveIndex = new BruteForceIndex(glove);
  }

  // ---- the closed form, written from the paper's definition, not from the implementation ----

  private static double distance(EmbeddingStore s, float[] x, int y) {
    double sq = 0;
    for (int j = 0; j < s.dimension(); j++) {
      double diff = (double) x[j] - s.component(y, j);
      sq += diff * diff;
    }
    return Math.sqrt(sq);
  }

  /** ln P[M(x) = y] for every y of V: ∝ exp(-(eps/2) min(d, gamma)) on O, 0 outside. */
  static double[] closedForm(EmbeddingStore s, float[] x, int[] outputs, double epsilon, double beta) {
    double gamma = (2 / epsilon) * Math.log((1 - beta) * (outputs.length - 1) / beta);
    double[] log = new double[s.size()];
    Arrays.fill(log, Double.NEGATIVE_INFINITY);
    double max = Double.NEGATIVE_INFINITY;
    for (int y : outputs) {
      log[y] = -(epsilon / 2) * Math.min(distance(s, x, y), gamma);
      max = Math.max(max, log[y]);
    }
    double z = 0;
    for (int y : outputs) {
      z += Math.exp(log[y] - max);
    }
    double logZ = max + Math.log(z);
    for (int y : outputs) {
      log[y] -= logZ;
    }
    return log;
  }

  /** The {@code k} words nearest to word {@code w} (itself included), ascending id. */
  static int[] neighbourhood(EmbeddingStore s, int w, int k) {
    float[] x = s.vector(w);
    double[] d = IntStream.range(0, s.size()).mapToDouble(y -> distance(s, x, y)).toArray();
    return IntStream.range(0, s.size()).boxed()
        .sorted(Comparator.<Integer>comparingDouble(y -> d[y]).thenComparing(y -> y))
        .limit(k).mapToInt(Integer::intValue).sorted().toArray();
  }

  /**
   * Chi-square goodness of fit. Null hypothesis: {@code counts} are multinomial draws from {@code
   * log} (ln probabilities). Outcomes with an expected count of at least 20 are cells of their own;
   * the others, in descending order of probability, are pooled into consecutive cells of at least
   * 20 expected draws each. Rejects at {@link StatisticalTests#ALPHA}.
   */
  static void assertFits(String what, double[] log, long[] counts, long draws) {
    List<Double> expected = new ArrayList<>();
    List<Long> observed = new ArrayList<>();
    Integer[] order = IntStream.range(0, log.length).boxed()
        .sorted(Comparator.<Integer>comparingDouble(y -> -log[y])).toArray(Integer[]::new);
    double poolExpected = 0;
    long poolObserved = 0;
    for (int y : order) {
      double e = Math.exp(log[y]) * draws;
      if (e == 0) {
        assertThat(counts[y]).as("%s: output %s has probability 0", what, y).isZero();
        continue;
      }
      poolExpected += e;
      poolObserved += counts[y];
      if (poolExpected >= 20) {
        expected.add(poolExpected);
        observed.add(poolObserved);
        poolExpected = 0;
        poolObserved = 0;
      }
    }
    if (poolExpected > 0) {
      int last = expected.size() - 1;
      expected.set(last, expected.get(last) + poolExpected);
      observed.set(last, observed.get(last) + poolObserved);
    }
    assertThat(expected.size()).as("%s: cells", what).isGreaterThan(20);
    double p = new ChiSquareTest().chiSquareTest(
        expected.stream().mapToDouble(Double::doubleValue).toArray(),
        observed.stream().mapToLong(Long::longValue).toArray());
    assertThat(p).as("%s: chi-square p-value %s over %s cells (alpha %s)", what, p,
        expected.size(), StatisticalTests.ALPHA).isGreaterThanOrEqualTo(StatisticalTests.ALPHA);
  }

  /** Output counts of {@code draws} perturbations of {@code word} (or a UNK point). */
  static long[] counts(Mechanism m, EmbeddingStore s, int word, float[] point, int draws, long seed) {
    int d = s.dimension();
    long[] counts = new long[s.size()];
    RandomGenerator random = new SplittableRandom(seed);
    int chunk = 20_000;
    for (int done = 0; done < draws; done += chunk) {
      int n = Math.min(chunk, draws - done);
      int[] ids = new int[n];
      float[] points = new float[n * d];
      RandomGenerator[] randomness = new RandomGenerator[n];
      for (int i = 0; i < n; i++) {
        ids[i] = word;
        System.arraycopy(point, 0, points, i * d, d);
        randomness[i] = random;
      }
      for (int y : m.perturb(new WordBatch(ids, points, d, randomness))) {
        counts[y]++;
      }
    }
    return counts;
  }

  /** A real neighbourhood: O = the 400 words nearest "market", epsilon putting gamma mid-way. */
  private record Neighbourhood(int word, int[] outputs, BitSet allowed, double epsilon) {}

  private static Neighbourhood marketNeighbourhood() {
    int w = glove.vocabulary().id("market");
    int[] outputs = neighbourhood(glove, w, 400);
    double[] d = Arrays.stream(outputs).mapToDouble(y -> distance(glove, glove.vector(w), y))
        .sorted().toArray();
    // gamma at the median distance of O: about half of O inside L_x (|L_x| > d = 100), half in ⊥
    double epsilon = 2 * Math.log((1 - SAMPLING_BETA) * 399 / SAMPLING_BETA) / d[200];
    BitSet allowed = new BitSet();
    Arrays.stream(outputs).forEach(allowed::set);
    return new Neighbourhood(w, outputs, allowed, epsilon);
  }

  @Test
  void sampledLawFitsTheClosedFormOnARealNeighbourhood() {
    Neighbourhood nb = marketNeighbourhood();
    for (boolean reuse : new boolean[] {true, false}) {
      TemMechanism tem =
          new TemMechanism(glove, gloveIndex, nb.epsilon(), SAMPLING_BETA, nb.allowed(), reuse, null);
      TemCandidates c = tem.candidates(glove.vector(nb.word()));
      assertThat(c.nearIds().length).as("|L_x|").isGreaterThan(glove.dimension());
      assertThat(c.farIds().length).as("|O \\ L_x|").isGreaterThan(100);
      int draws = reuse ? 400_000 : 3_000;
      long[] counts = counts(tem, glove, nb.word(), glove.vector(nb.word()), draws, 13);
      double[] expected =
          closedForm(glove, glove.vector(nb.word()), nb.outputs(), nb.epsilon(), SAMPLING_BETA);
      assertFits((reuse ? "TEM rejection sampler from the " + TemMechanism.HEAD + " nearest"
              : "TEM full scan and inversion") + ", O = 400 nearest of 'market', eps "
          + nb.epsilon() + ", seed 13", expected, counts, draws);
    }
  }

  @Test
  void gumbelArgmaxAlgorithmFitsTheClosedFormOnARealNeighbourhood() {
    Neighbourhood nb = marketNeighbourhood();
    TemMechanism tem = new TemMechanism(glove, gloveIndex, nb.epsilon(), SAMPLING_BETA, nb.allowed(), true, null);
    TemCandidates c = tem.candidates(glove.vector(nb.word()));
    int draws = 200_000;
    long[] counts = new long[glove.size()];
    RandomGenerator random = new SplittableRandom(17);
    for (int i = 0; i < draws; i++) {
      counts[c.gumbelArgmax(random)]++;
    }
    double[] expected = closedForm(glove, glove.vector(nb.word()), nb.outputs(), nb.epsilon(), SAMPLING_BETA);
    assertFits("TEM Algorithm 1 (Gumbel argmax), O = 400 nearest of 'market', eps "
        + nb.epsilon() + ", seed 17", expected, counts, draws);
  }

  @Test
  void fullVocabularySamplerFitsTheClosedForm() {
    int w = glove.vocabulary().id("river");
    double epsilon = 3;
    TemMechanism tem = new TemMechanism(glove, gloveIndex, epsilon, SAMPLING_BETA);
    assertThat(tem.candidates(glove.vector(w)).farIds().length).as("|V \\ L_x|").isGreaterThan(100);
    int draws = 300_000;
    long[] counts = counts(tem, glove, w, glove.vector(w), draws, 19);
    double[] expected =
        closedForm(glove, glove.vector(w), IntStream.range(0, glove.size()).toArray(), epsilon, SAMPLING_BETA);
    assertFits("TEM over all 20k words, 'river', eps 3, seed 19", expected, counts, draws);
  }

  @Test
  void outOfVocabularyPointIsPerturbedAroundThatPoint() {
    float[] mean = glove.meanVector();
    Neighbourhood nb = marketNeighbourhood();
    TemMechanism tem = new TemMechanism(glove, gloveIndex, nb.epsilon(), SAMPLING_BETA, nb.allowed(), true, null);
    int draws = 200_000;
    long[] counts = counts(tem, glove, WordBatch.UNK, mean, draws, 23);
    double[] expected = closedForm(glove, mean, nb.outputs(), nb.epsilon(), SAMPLING_BETA);
    assertFits("TEM from the public mean point, seed 23", expected, counts, draws);
  }

  @Test
  void logProbabilitiesEqualTheClosedForm() {
    Neighbourhood nb = marketNeighbourhood();
    for (double[] eb : new double[][] {{8, BETA}, {12, BETA}, {nb.epsilon(), SAMPLING_BETA}}) {
      double epsilon = eb[0];
      TemMechanism tem = new TemMechanism(glove, gloveIndex, epsilon, eb[1], nb.allowed(), true, null);
      assertThat(tem.candidates(glove.vector(nb.word())).farIds()).isNotEmpty();
      double[] exact = tem.logProbabilities(nb.word());
      double[] expected = closedForm(glove, glove.vector(nb.word()), nb.outputs(), epsilon, eb[1]);
      for (int y = 0; y < glove.size(); y++) {
        if (expected[y] == Double.NEGATIVE_INFINITY) {
          assertThat(exact[y]).isEqualTo(Double.NEGATIVE_INFINITY);
        } else {
          assertThat(exact[y]).as("eps %s, y %s", epsilon, y).isCloseTo(expected[y],
              org.assertj.core.data.Offset.offset(1e-9));
        }
      }
    }
  }

  /** ln P[M(w)=y] - ln P[M(w')=y] <= eps d(w,w') + 1e-9 for every y; returns the worst excess. */
  private static double worstExcess(EmbeddingStore s, double[] lw, double[] lw2, double epsilon,
      double d) {
    double worst = Double.NEGATIVE_INFINITY;
    for (int y = 0; y < lw.length; y++) {
      if (lw[y] == Double.NEGATIVE_INFINITY) {
        continue;
      }
      worst = Math.max(worst, lw[y] - lw2[y] - epsilon * d);
    }
    return worst;
  }

  @Test
  void metricDpHoldsExactlyForEveryPairOfAToyVocabulary() {
    int n = 30;
    EmbeddingStore toy = ToyVocabulary.store(dir, n, 2026);
    BitSet someOutputs = new BitSet();
    IntStream.range(0, n).filter(y -> y % 3 != 0).forEach(someOutputs::set);
    for (double epsilon : new double[] {0.5, 3, 6, 12, 40}) {
      for (BitSet allowed : new BitSet[] {null, someOutputs}) {
        TemMechanism tem = new TemMechanism(toy, new BruteForceIndex(toy), epsilon, BETA, allowed, true, null);
        double[][] log = new double[n][];
        for (int w = 0; w < n; w++) {
          log[w] = tem.logProbabilities(w);
        }
        for (int w = 0; w < n; w++) {
          for (int w2 = 0; w2 < n; w2++) {
            double d = ToyVocabulary.distance(toy, w, w2);
            assertThat(worstExcess(toy, log[w], log[w2], epsilon, d))
                .as("eps %s, outputs %s, w %s, w' %s", epsilon, allowed == null ? "all" : "2/3",
                    w, w2)
                .isLessThanOrEqualTo(1e-9);
          }
        }
      }
    }
  }

  @Test
  void metricDpHoldsExactlyForSampledRealPairs() {
    SplittableRandom random = new SplittableRandom(29);
    for (double epsilon : new double[] {3, 6}) {
      TemMechanism tem = new TemMechanism(glove, gloveIndex, epsilon, BETA);
      for (int k = 0; k < 12; k++) {
        int w = random.nextInt(glove.size());
        int[] near = neighbourhood(glove, w, 2);
        int nn = near[0] == w ? near[1] : near[0];
        int far = random.nextInt(glove.size());
        double[] lw = tem.logProbabilities(w);
        for (int w2 : new int[] {nn, far}) {
          double[] lw2 = tem.logProbabilities(w2);
          double d = io.dxrewrite.nn.ExactDistances.distance(glove, w, w2);
          assertThat(worstExcess(glove, lw, lw2, epsilon, d)).as("eps %s, %s vs %s", epsilon, w, w2)
              .isLessThanOrEqualTo(1e-9);
          assertThat(worstExcess(glove, lw2, lw, epsilon, d)).as("eps %s, %s vs %s", epsilon, w2, w)
              .isLessThanOrEqualTo(1e-9);
        }
      }
    }
  }

  @Test
  void cacheChangesCostNotOutput() {
    int d = glove.dimension();
    int n = 3_000;
    SplittableRandom words = new SplittableRandom(31);
    int[] ids = new int[n];
    float[] points = new float[n * d];
    for (int i = 0; i < n; i++) {
      ids[i] = i % 7 == 0 ? WordBatch.UNK : words.nextInt(200);
      glove.copyVector(ids[i] == WordBatch.UNK ? 0 : ids[i], points, i * d);
    }
    TemSamplerCache cache = new TemSamplerCache(TemSamplerCache.DEFAULT_BYTES);
    int[] uncached = new TemMechanism(glove, gloveIndex, 4, BETA, null, true, null)
        .perturb(new WordBatch(ids, points, d, generators(n, 37)));
    TemMechanism cached = new TemMechanism(glove, gloveIndex, 4, BETA, null, true, cache);
    int[] first = cached.perturb(new WordBatch(ids, points, d, generators(n, 37)));
    int[] second = cached.perturb(new WordBatch(ids, points, d, generators(n, 37)));
    assertThat(first).isEqualTo(uncached);
    assertThat(second).isEqualTo(uncached);
    assertThat(cache.misses()).isLessThanOrEqualTo(200);
    assertThat(cache.hits()).isGreaterThan(0);
  }

  private static RandomGenerator[] generators(int n, long seed) {
    RandomGenerator[] g = new RandomGenerator[n];
    for (int i = 0; i < n; i++) {
      g[i] = new SplittableRandom(seed * 1_000_003L + i / 10);
    }
    return g;
  }

  @Test
  void cacheStaysWithinItsBudget() {
    int d = glove.dimension();
    TemSamplerCache probe = new TemSamplerCache(1 << 30);
    new TemMechanism(glove, gloveIndex, 4, BETA, null, true, probe).perturb(new WordBatch(
        new int[] {0}, glove.vector(0), d, new RandomGenerator[] {new SplittableRandom(0)}));
    long each = probe.bytes();
    assertThat(each).as("bytes of one sampler").isBetween(1_000L, 4_000L);
    TemSamplerCache cache = new TemSamplerCache(3 * each + each / 2);
    TemMechanism tem = new TemMechanism(glove, gloveIndex, 4, BETA, null, true, cache);
    for (int w = 0; w < 10; w++) {
      float[] p = glove.vector(w);
      tem.perturb(new WordBatch(new int[] {w}, p, d, new RandomGenerator[] {new SplittableRandom(w)}));
    }
    assertThat(cache.bytes()).isLessThanOrEqualTo(cache.maxBytes());
    assertThat(cache.size()).isEqualTo(3);
  }

  @Test
  void rejectsParametersOutOfRange() {
    assertThatThrownBy(() -> new TemMechanism(glove, gloveIndex, 3, 0)).isInstanceOf(InvalidParameterException.class)
        .hasMessageContaining("beta");
    assertThatThrownBy(() -> new TemMechanism(glove, gloveIndex, 3, 1)).isInstanceOf(InvalidParameterException.class);
    assertThatThrownBy(() -> new TemMechanism(glove, gloveIndex, 0, BETA)).isInstanceOf(InvalidParameterException.class);
    BitSet one = new BitSet();
    one.set(5);
    assertThatThrownBy(() -> new TemMechanism(glove, gloveIndex, 3, BETA, one, true, null))
        .isInstanceOf(InvalidParameterException.class).hasMessageContaining("at least 2");
    BitSet outside = new BitSet();
    outside.set(1);
    outside.set(glove.size());
    assertThatThrownBy(() -> new TemMechanism(glove, gloveIndex, 3, BETA, outside, true, null))
        .isInstanceOf(InvalidParameterException.class);
  }
}
