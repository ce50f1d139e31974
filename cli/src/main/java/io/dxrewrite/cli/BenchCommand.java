package io.dxrewrite.cli;

import io.dxrewrite.bench.LibraryRun;
import io.dxrewrite.bench.MachinePeak;
import io.dxrewrite.bench.NumpyReference;
import io.dxrewrite.bench.RunResult;
import io.dxrewrite.progress.ProgressListener;
import io.dxrewrite.embeddings.EmbeddingStore;
import io.dxrewrite.error.DxPreconditions;
import io.dxrewrite.error.InvalidInputException;
import io.dxrewrite.mechanism.MechanismContext;
import io.dxrewrite.nn.IndexKind;
import io.dxrewrite.nn.NearestNeighbourIndex;
import io.dxrewrite.nn.OpenBlasCoreType;
import io.dxrewrite.rewrite.Rewriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code dx-rewrite bench}: CMP rewriting, library against the numpy reference, in one run. */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = {
      "Measures end-to-end CMP rewriting words/s of dx-rewrite and of the numpy reference "
          + "(bench/reference/cmp_numpy.py, batched brute force) on the same store, corpus and "
          + "epsilon."
    })
final class BenchCommand implements Callable<Integer> {
  @Option(names = "--embeddings", required = true, paramLabel = "STORE", description = "Store file (also read by the reference).")
  Path store;

  @Option(names = "--input", required = true, paramLabel = "CORPUS", description = "Text corpus, one record per line.")
  Path input;

  @Option(names = "--epsilon", defaultValue = "10", paramLabel = "E", description = "Epsilon per word. Default: ${DEFAULT-VALUE}.")
  double epsilon;

  @Option(names = "--batch-size", defaultValue = "512", paramLabel = "N", description = "Records per batch. Default: ${DEFAULT-VALUE}.")
  int batchSize;

  @Option(
      names = "--reference",
      defaultValue = "bench/reference/cmp_numpy.py",
      paramLabel = "SCRIPT",
      description = "The numpy reference script. Default: ${DEFAULT-VALUE}.")
  Path reference;

  @Override
  public Integer call() throws Exception {
    DxPreconditions.checkEpsilon(epsilon);
    if (!Files.isRegularFile(store)) {
      throw new InvalidInputException("store " + store + " not found (scripts/fetch-glove.sh makes the full one)");
    }
    if (!Files.isRegularFile(input)) {
      throw new InvalidInputException("corpus " + input + " not found");
    }
    NumpyReference numpy = new NumpyReference(reference);
    numpy.checkAvailable();
    MachinePeak peak = IndexKind.simdAvailable() ? MachinePeak.measure() : MachinePeak.detect();
    EmbeddingStore embeddings = EmbeddingStore.open(store);
    List<RunResult> runs = new ArrayList<>();
    List<IndexKind> kinds =
        IndexKind.simdAvailable()
            ? List.of(IndexKind.SIMD, IndexKind.SIMD_PRUNED, IndexKind.ND4J)
            : List.of(IndexKind.ND4J);
    for (IndexKind kind : kinds) {
      System.err.println("bench: dx-rewrite with the " + kind.cliName() + " index ...");
      try (NearestNeighbourIndex index = kind.create(embeddings)) {
        // the certificate is off so that every word pays the full exact search being compared
        MechanismContext context =
            MechanismContext.of(embeddings, index, ProgressListener.NONE).certify(false);
        runs.add(LibraryRun.run(new Rewriter(context), input, epsilon, batchSize));
      }
    }
    RunResult ours = runs.get(0);
    System.err.println("bench: numpy reference ...");
    RunResult theirs = numpy.run(store, input, epsilon);
    runs.add(theirs);
    int v = embeddings.size();
    int d = embeddings.dimension();
    System.out.printf(Locale.ROOT, "store %s (%d x %d), corpus %s, epsilon %s, CMP%n", store, v, d, input, epsilon);
    System.out.printf(Locale.ROOT, "FMA peak: %s; OPENBLAS_CORETYPE=%s%n", peak.describe(), OpenBlasCoreType.inForce());
    System.out.printf(Locale.ROOT, "simd kernel: %s%n", IndexKind.simdKernel());
    System.out.printf(Locale.ROOT, "%-28s %9s %9s %11s %9s %8s %10s%n",
        "implementation", "words", "seconds", "words/s", "GFLOP/s", "% peak", "peak RSS");
    for (RunResult r : runs) {
      double gflops = r.gflops(v, d);
      System.out.printf(Locale.ROOT, "%-28s %9d %9.2f %11.0f %9.1f %7.1f%% %7.0f MiB%n",
          r.implementation(), r.words(), r.seconds(), r.wordsPerSecond(), gflops,
          100 * gflops / peak.gflops(), r.peakRssMb());
    }
    for (RunResult r : runs.subList(0, runs.size() - 1)) {
      System.out.printf(Locale.ROOT, "ratio %s / numpy: %.2fx%n", r.implementation(), r.wordsPerSecond() / theirs.wordsPerSecond());
    }
    if (runs.size() == 4) {
      System.out.printf(Locale.ROOT, "ratio simd-pruned / simd: %.2fx%n", runs.get(1).wordsPerSecond() / ours.wordsPerSecond());
    }
    return DxRewriteCommand.EXIT_OK;
  }
}
