package io.dxrewrite.bench;

import io.dxrewrite.rewrite.RewriteOptions;
import io.dxrewrite.rewrite.RewriteResult;
import io.dxrewrite.rewrite.Rewriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Times dx-rewrite's own CMP rewriting of a corpus, in batches as the CLI does. */
public final class LibraryRun {
  private LibraryRun() {}

  /**
   * @param rewriter the rewriter (its index decides the kernel)
   * @param corpus one record per line
   * @param epsilon epsilon per word
   * @param batchSize records per batch
   * @return words looked up, wall time after a warm-up pass over the first 200 records, and the
   *     process's peak RSS (a warm-up over the whole corpus was tried against the SIMD kernel's
   *     intermittent slow mode and did not prevent it, bench/RESULTS.md issue 17)
   * @throws IOException if the corpus cannot be read
   */
  public static RunResult run(Rewriter rewriter, Path corpus, double epsilon, int batchSize)
      throws IOException {
    List<String> lines = Files.readAllLines(corpus);
    // the entity layer off: every word goes through the kernel, as in the numpy reference
    RewriteOptions options = RewriteOptions.builder().mechanism("cmp").epsilon(epsilon).seed(1)
        .entities(io.dxrewrite.entity.EntityTreatment.OFF).build();
    rewriter.rewriteBatch(lines.subList(0, Math.min(200, lines.size())), options);
    long words = 0;
    long start = System.nanoTime();
    for (int first = 0; first < lines.size(); first += batchSize) {
      List<RewriteResult> results =
          rewriter.rewriteBatch(lines.subList(first, Math.min(lines.size(), first + batchSize)), options, first);
      for (RewriteResult r : results) {
        words += r.report().wordsPerturbed();
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    return new RunResult(
        "dx-rewrite (" + rewriter.context().index().name() + ")", words, seconds, PeakRss.megabytes());
  }
}
