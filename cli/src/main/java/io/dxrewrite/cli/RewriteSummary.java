package io.dxrewrite.cli;

import io.dxrewrite.embeddings.EmbeddingStore;
import io.dxrewrite.nn.NearestNeighbourIndex;
import io.dxrewrite.nn.OpenBlasCoreType;
import io.dxrewrite.rewrite.PrivacyReport;
import io.dxrewrite.rewrite.RewriteOptions;
import java.io.PrintStream;
import java.util.Locale;

/**
 * The summary of a {@code dx-rewrite rewrite} run: running totals over the records' privacy
 * reports, printed to standard error at the end (counts and speed; mechanism, randomness,
 * embeddings and index; total epsilon in Euclidean units by basic composition, the guarantee and
 * the casing; subjects). Never record text.
 */
final class RewriteSummary {
  private long records;
  private long words;
  private long perturbed;
  private long oov;
  private long oovKept;
  private long oovSubword;
  private long skipped;
  private long unprotected;
  private double totalEpsilon;
  private long entities;

  /**
   * @param r one record's report
   */
  void add(PrivacyReport r) {
    unprotected += r.unprotectedWords();
    totalEpsilon += r.totalEpsilon();
    entities += r.entityCount();
    oovSubword += r.oovSubword();
    records++;
    words += r.words();
    perturbed += r.wordsPerturbed();
    oov += r.oovWords();
    oovKept += r.oovKept();
    skipped += r.skippedWords();
  }

  /**
   * @return records added so far
   */
  long records() {
    return records;
  }

  /**
   * Prints the summary lines.
   *
   * @param err where they go (standard error)
   * @param embeddings how the embeddings were given (described by name, never content)
   * @param store the store rewritten with
   * @param index the index the mechanisms searched
   * @param options the run's options
   * @param subjects per-subject totals, or null without {@code --subject-field}
   * @param seconds the run's wall-clock time
   */
  void print(
      PrintStream err,
      EmbeddingsOption embeddings,
      EmbeddingStore store,
      NearestNeighbourIndex index,
      RewriteOptions options,
      SubjectTotals subjects,
      double seconds) {
    err.printf(
        Locale.ROOT,
        "dx-rewrite: %d records, %d words (%d perturbed, %d out of vocabulary, %d of them from"
            + " subword vectors, %d kept unprotected, %d skipped) in %.2f s: %.0f records/s,"
            + " %.0f words/s%n",
        records,
        words,
        perturbed,
        oov,
        oovSubword,
        oovKept,
        skipped,
        seconds,
        seconds > 0 ? records / seconds : 0,
        seconds > 0 ? words / seconds : 0);
    err.printf(
        Locale.ROOT,
        "dx-rewrite: mechanism %s, epsilon %s per word, oov %s, entities %s (%d recognized),"
            + " %s randomness; embeddings %s (%d x %d); index %s; OPENBLAS_CORETYPE=%s%n",
        options.mechanism(),
        options.epsilon(),
        options.oovPolicy().cliName(),
        options.entities().treatment().cliName(),
        entities,
        options.seed().isPresent() ? "SEEDED (reproducible)" : "SecureRandom-keyed ChaCha20",
        embeddings.describe(),
        store.size(),
        store.dimension(),
        index.name(),
        OpenBlasCoreType.inForce());
    err.printf(
        Locale.ROOT,
        "dx-rewrite: total epsilon %s (Euclidean units, basic composition); guarantee: %s;"
            + " casing %s%n",
        Double.isFinite(totalEpsilon)
            ? String.valueOf(totalEpsilon)
            : "above " + Double.MAX_VALUE + " (the sum over records is not a finite number; each"
                + " record's own total is)",
        unprotected == 0 ? PrivacyReport.METRIC_DP : "none for " + unprotected + " words",
        options.casing().reportName());
    if (subjects != null) {
      err.printf(
          Locale.ROOT,
          "dx-rewrite: %d subjects; largest per-subject total epsilon %s%n",
          subjects.subjects(),
          subjects.largest());
    }
  }
}
