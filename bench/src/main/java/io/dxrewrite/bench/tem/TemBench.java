package io.dxrewrite.bench.tem;

import io.dxrewrite.bench.PeakRss;
import io.dxrewrite.calibration.Calibration;
import io.dxrewrite.calibration.EpsilonCalibrator;
import io.dxrewrite.progress.ProgressListener;
import io.dxrewrite.embeddings.EmbeddingStore;
import io.dxrewrite.mechanism.Mechanism;
import io.dxrewrite.mechanism.MechanismContext;
import io.dxrewrite.mechanism.MechanismParameters;
import io.dxrewrite.mechanism.Mechanisms;
import io.dxrewrite.mechanism.TemMechanism;
import io.dxrewrite.mechanism.WordBatch;
import io.dxrewrite.nn.NearestNeighbourIndex;
import io.dxrewrite.nn.SimdExactIndex;
import io.dxrewrite.rewrite.RewriteOptions;
import io.dxrewrite.rewrite.RewriteResult;
import io.dxrewrite.rewrite.Rewriter;
import io.dxrewrite.text.Token;
import io.dxrewrite.text.Tokenizer;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * TEM against the other mechanisms on a real corpus (WordNet glosses) and a real store, in one
 * process (a benchmark, not a test; results in bench/RESULTS.md).
 *
 * <pre>
 * java --add-modules jdk.incubator.vector -cp bench/target/benchmarks.jar \
 *   io.dxrewrite.bench.tem.TemBench calibrate STORE WN31_JAR
 * (calibrate: STORE - MECHANISMS WORDS TRIALS, e.g. "calibrate STORE - cmp,tem 100 20")
 * ... throughput STORE WN31_JAR EPS_CMP EPS_TEM SLICES CMP_SECONDS_PER_SLICE
 * ... locality STORE WN31_JAR WORDS SEED cmp=E mahalanobis=E vickrey=E tem=E
 * ... tem-nw STORE WORDS EPS...
 * </pre>
 */
public final class TemBench {
  private TemBench() {}

  /**
   * @param args see the class comment
   * @throws Exception on any failure
   */
  public static void main(String[] args) throws Exception {
    EmbeddingStore store = EmbeddingStore.open(Path.of(args[1]));
    NearestNeighbourIndex index = new SimdExactIndex(store, 2);
    MechanismContext context = MechanismContext.of(store, index, ProgressListener.NONE).certify(false);
    System.out.printf(Locale.ROOT, "store %s: %d words x %d; load %s%n", args[1], store.size(),
        store.dimension(), loadAverage());
    switch (args[0]) {
      case "calibrate" -> {
        for (String m : args[3].split(",")) {
          long t = System.nanoTime();
          Calibration c = EpsilonCalibrator.calibrate(context, m, MechanismParameters.DEFAULTS, 0.5,
              Integer.parseInt(args[4]), Integer.parseInt(args[5]), 7, ProgressListener.NONE);
          System.out.printf(Locale.ROOT, "calibrated %s: median N_w 0.5 at epsilon %.4g (95%% %.4g"
              + " - %.4g; %d words x %d trials) in %.0f s%n", m, c.epsilon(), c.lower(), c.upper(),
              Integer.parseInt(args[4]), Integer.parseInt(args[5]), (System.nanoTime() - t) / 1e9);
        }
      }
      case "throughput" -> throughput(context, WordNetGlosses.read(Path.of(args[2])),
          Double.parseDouble(args[3]), Double.parseDouble(args[4]), Integer.parseInt(args[5]),
          Double.parseDouble(args[6]));
      case "locality" -> locality(context, WordNetGlosses.read(Path.of(args[2])),
          Integer.parseInt(args[3]), Long.parseLong(args[4]), Arrays.copyOfRange(args, 5, args.length));
      case "tem-nw" -> temNw(context, Integer.parseInt(args[2]), Arrays.copyOfRange(args, 3, args.length));
      default -> throw new IllegalArgumentException("unknown mode " + args[0]);
    }
  }

  private static String loadAverage() {
    return String.format(Locale.ROOT, "%.1f",
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
  }

  private static long usedHeapMb() {
    System.gc();
    Runtime r = Runtime.getRuntime();
    return (r.totalMemory() - r.freeMemory()) >> 20;
  }

  /** Interleaved rounds: TEM rewrites every record of each slice, CMP a timed part of it. */
  private static void throughput(MechanismContext context, List<String> corpus, double epsCmp,
      double epsTem, int slices, double cmpSeconds) {
    Rewriter rewriter = new Rewriter(context);
    int batch = 512;
    RewriteOptions cmp = RewriteOptions.builder().mechanism("cmp").epsilon(epsCmp).seed(1).build();
    RewriteOptions tem = RewriteOptions.builder().mechanism("tem").epsilon(epsTem).seed(1).build();
    rewriter.rewriteBatch(corpus.subList(0, 200), cmp);
    rewriter.rewriteBatch(corpus.subList(0, 200), tem);
    long totalTemWords = 0;
    double totalTemSeconds = 0;
    long totalCmpWords = 0;
    double totalCmpSeconds = 0;
    long heapBefore = usedHeapMb();
    System.out.printf(Locale.ROOT, "corpus: %d records; heap after warm-up %d MB%n", corpus.size(),
        heapBefore);
    int per = (corpus.size() + slices - 1) / slices;
    for (int s = 0; s < slices; s++) {
      List<String> slice = corpus.subList(s * per, Math.min(corpus.size(), (s + 1) * per));
      long[] temWords = {0};
      long t0 = System.nanoTime();
      for (int first = 0; first < slice.size(); first += batch) {
        for (RewriteResult r : rewriter.rewriteBatch(
            slice.subList(first, Math.min(slice.size(), first + batch)), tem, first)) {
          temWords[0] += r.report().wordsPerturbed();
        }
      }
      double temSeconds = (System.nanoTime() - t0) / 1e9;
      long cmpWords = 0;
      long t1 = System.nanoTime();
      for (int first = 0; first < slice.size() && (System.nanoTime() - t1) / 1e9 < cmpSeconds;
          first += batch) {
        for (RewriteResult r : rewriter.rewriteBatch(
            slice.subList(first, Math.min(slice.size(), first + batch)), cmp, first)) {
          cmpWords += r.report().wordsPerturbed();
        }
      }
      double cmpSecondsUsed = (System.nanoTime() - t1) / 1e9;
      totalTemWords += temWords[0];
      totalTemSeconds += temSeconds;
      totalCmpWords += cmpWords;
      totalCmpSeconds += cmpSecondsUsed;
      System.out.printf(Locale.ROOT, "round %d: tem %d words in %.1f s = %.0f words/s; cmp %d words"
          + " in %.1f s = %.0f words/s; ratio %.2f; load %s; tem cache %d samplers %d MB, hits %d"
          + " misses %d%n", s + 1, temWords[0], temSeconds, temWords[0] / temSeconds, cmpWords,
          cmpSecondsUsed, cmpWords / cmpSecondsUsed,
          (temWords[0] / temSeconds) / (cmpWords / cmpSecondsUsed), loadAverage(),
          context.temSamplers().size(), context.temSamplers().bytes() >> 20,
          context.temSamplers().hits(), context.temSamplers().misses());
    }
    System.out.printf(Locale.ROOT, "total: tem %d words in %.1f s = %.0f words/s; cmp %d words in"
        + " %.1f s = %.0f words/s; ratio %.2f; heap after run %d MB (TEM samplers %d MB); peak RSS"
        + " %.0f MB%n", totalTemWords, totalTemSeconds, totalTemWords / totalTemSeconds,
        totalCmpWords, totalCmpSeconds, totalCmpWords / totalCmpSeconds,
        (totalTemWords / totalTemSeconds) / (totalCmpWords / totalCmpSeconds), usedHeapMb(),
        context.temSamplers().bytes() >> 20, PeakRss.megabytes());
  }

  /** In-vocabulary tokens of a random sample of the corpus's records. */
  private static int[] sampleTokens(EmbeddingStore store, List<String> corpus, int words, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    Tokenizer tokenizer = new Tokenizer();
    List<Integer> ids = new ArrayList<>();
    while (ids.size() < words) {
      String record = corpus.get(random.nextInt(corpus.size()));
      for (Token t : tokenizer.tokenize(record)) {
        if (t.word()) {
          int id = store.vocabulary().id(t.lookup());
          if (id >= 0 && ids.size() < words) {
            ids.add(id);
          }
        }
      }
    }
    return ids.stream().mapToInt(Integer::intValue).toArray();
  }

  /** Fraction of changed words within the input word's 10 and 100 nearest neighbours. */
  private static void locality(MechanismContext context, List<String> corpus, int words, long seed,
      String[] mechanisms) {
    EmbeddingStore store = context.store();
    int d = store.dimension();
    int[] ids = sampleTokens(store, corpus, words, seed);
    float[] points = new float[ids.length * d];
    for (int i = 0; i < ids.length; i++) {
      store.copyVector(ids[i], points, i * d);
    }
    int[] neighbours = context.index().nearest(points, ids.length, 101);
    for (String spec : mechanisms) {
      String name = spec.substring(0, spec.indexOf('='));
      double epsilon = Double.parseDouble(spec.substring(spec.indexOf('=') + 1));
      Mechanism m = Mechanisms.create(name, context, epsilon, MechanismParameters.DEFAULTS);
      RandomGenerator[] randomness = new RandomGenerator[ids.length];
      SplittableRandom master = new SplittableRandom(seed + 1);
      for (int i = 0; i < ids.length; i++) {
        randomness[i] = master.split();
      }
      long t = System.nanoTime();
      int[] out = m.perturb(new WordBatch(ids, points, d, randomness));
      double seconds = (System.nanoTime() - t) / 1e9;
      int changed = 0;
      int in10 = 0;
      int in100 = 0;
      for (int i = 0; i < ids.length; i++) {
        if (out[i] == ids[i]) {
          continue;
        }
        changed++;
        for (int r = 0; r < 101; r++) {
          if (neighbours[i * 101 + r] == out[i]) {
            // rank r among the neighbours including the word itself at rank 0
            if (r <= 10) {
              in10++;
            }
            in100++;
            break;
          }
        }
      }
      System.out.printf(Locale.ROOT, "locality %s eps %.4g: %d tokens, unchanged %.3f, changed %d;"
          + " of the changed: within 10-NN %.3f, within 100-NN %.3f (%.1f s)%n", name, epsilon,
          ids.length, 1 - changed / (double) ids.length, changed, in10 / (double) changed,
          in100 / (double) changed, seconds);
    }
  }

  /** TEM's exact median N_w = P[M(w) = w] over a sample of the 10,000 most frequent words. */
  private static void temNw(MechanismContext context, int words, String[] epsilons) {
    EmbeddingStore store = context.store();
    SplittableRandom random = new SplittableRandom(5);
    int[] sample = random.ints(0, Math.min(10_000, store.size())).distinct().limit(words).toArray();
    for (String e : epsilons) {
      double epsilon = Double.parseDouble(e);
      TemMechanism tem = new TemMechanism(store, context.index(), epsilon, TemMechanism.DEFAULT_BETA);
      double[] nw = new double[sample.length];
      for (int i = 0; i < sample.length; i++) {
        nw[i] = Math.exp(tem.logProbabilities(sample[i])[sample[i]]);
      }
      Arrays.sort(nw);
      System.out.printf(Locale.ROOT, "tem eps %s (gamma %.3f): exact N_w over %d of the 10k most"
          + " frequent words: median %.3f, quartiles %.3f - %.3f%n", e, tem.gamma(), words,
          nw[nw.length / 2], nw[nw.length / 4], nw[3 * nw.length / 4]);
    }
  }
}
