package io.dxrewrite.spark;

import io.dxrewrite.embeddings.OutputVocabulary;
import io.dxrewrite.nn.IndexKind;
import io.dxrewrite.entity.EntityList;
import io.dxrewrite.entity.EntityTreatment;
import io.dxrewrite.error.ErrorReporter;
import io.dxrewrite.mechanism.MechanismParameters;
import io.dxrewrite.rewrite.OovPolicy;
import io.dxrewrite.rewrite.CasingPolicy;
import io.dxrewrite.rewrite.RewriteOptions;
import org.apache.spark.sql.functions;
import io.dxrewrite.rewrite.SkipList;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.Callable;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The {@code spark-submit} job: reads a JSONL or Parquet corpus, rewrites one text field with
 * {@link DxRewrite}, and writes the same format with a {@value ReportColumn#NAME} column added.
 * Output is a Spark output folder (part files and {@code _SUCCESS}); an existing output is never
 * overwritten, and a failed job leaves no {@code _SUCCESS}.
 *
 * <p>Exit codes: 0 success; 2 bad usage, bad input or a missing/damaged store (one-line reason
 * that never quotes record text); 1 internal error.
 */
@Command(
    name = "io.dxrewrite.spark.RewriteJob",
    mixinStandardHelpOptions = true,
    version = "dx-rewrite spark 0.1.0",
    description = "Rewrites a text field of a corpus on Spark under word-level metric differential privacy.")
public final class RewriteJob implements Callable<Integer> {
  /** Exit code for success. */
  public static final int EXIT_OK = ErrorReporter.EXIT_OK;

  /** Exit code for an internal error. */
  public static final int EXIT_INTERNAL = ErrorReporter.EXIT_INTERNAL;

  /** Exit code for bad usage, bad input or a bad store. */
  public static final int EXIT_USAGE = ErrorReporter.EXIT_USAGE;

  /** Input and output formats. */
  enum Format {
    jsonl,
    parquet
  }

  @Option(names = "--input", required = true, description = "Input file or folder (any Spark path).")
  String input;

  @Option(names = "--output", required = true, description = "Output folder; must not exist.")
  String output;

  @Option(names = "--format", defaultValue = "jsonl", description = "jsonl or parquet (default ${DEFAULT-VALUE}).")
  Format format;

  @Option(names = "--field", defaultValue = "text", description = "The text field to rewrite (default ${DEFAULT-VALUE}).")
  String field;

  @Option(names = "--epsilon", required = true, description = "Epsilon per word, > 0. Smaller is more private.")
  double epsilon;

  @Option(names = "--mechanism", defaultValue = "cmp", description = "Mechanism (default ${DEFAULT-VALUE}).")
  String mechanism;

  @Option(names = "--beta", description = "tem only: beta in (0, 1) (default 0.001).")
  Double beta;

  @Option(
      names = "--embeddings",
      description = "Store file readable on every executor, or shipped with --files (default: the embedded GloVe 20k subset).")
  String embeddings;

  @Option(names = "--seed", description = "Seed for reproducible output (tests and audits only, not for production).")
  Long seed;

  @Option(
      names = "--key-column",
      description = "Integral column with a stable unique key per row, for seeded runs (default: row position).")
  String keyColumn;

  @Option(names = "--oov", defaultValue = "unk", description = "unk (default) or keep.")
  String oov;

  @Option(
      names = "--casing",
      defaultValue = "structural",
      description =
          "structural (default: output casing from public structure only, a sentence's first word"
              + " capitalised, the rest lower case) or keep (re-apply the input's casing: released"
              + " unprotected, reported as casing \"released\").")
  String casing;

  @Option(
      names = "--subject-column",
      description =
          "Column naming the person a record is about; the job then prints the number of subjects"
              + " and the largest per-subject total epsilon (records of one person add up).")
  String subjectColumn;

  @Option(
      names = "--entities",
      defaultValue = "placeholder",
      description =
          "Direct identifiers: placeholder (default; <PERSON>, <PHONE>, ...), surrogate (a random"
              + " value of the same kind and shape) or off (explicit opt-out, reported).")
  String entities;

  @Option(
      names = "--entity-list",
      description = "Deny-list file read on the driver (one term per line, optionally TYPE<TAB>term).")
  Path entityList;

  @Option(names = "--skip-words", description = "Public skip list, one word per line.")
  Path skipWords;

  @Option(
      names = "--batch-size",
      defaultValue = "512",
      description = "Records whose words go through the index together (default ${DEFAULT-VALUE}).")
  int batchSize;

  @Option(
      names = "--index",
      defaultValue = "auto",
      description = "Exact nearest-neighbour kernel on the executors: auto, simd, nd4j, simd-pruned or gpu (default ${DEFAULT-VALUE}).")
  String index;

  @Option(
      names = "--output-vocabulary",
      defaultValue = OutputVocabulary.DEFAULT_NAME,
      description = "Words a replacement may be: letters (words with a letter), all, or a file of"
          + " words read on the driver (default ${DEFAULT-VALUE}).")
  String outputVocabulary;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /**
   * The {@code spark-submit} entry point: runs the job and exits with its exit code.
   *
   * @param args command-line arguments, see {@code --help}
   */
  public static void main(String[] args) {
    int code = run(args);
    SparkSession.getActiveSession().foreach(session -> {
      session.stop();
      return null;
    });
    System.exit(code);
  }

  /**
   * Runs the job in this JVM, on the active (or a new) SparkSession, without stopping it or
   * exiting (for tests and notebooks).
   *
   * @param args command-line arguments, see {@code --help}
   * @return the exit code
   */
  public static int run(String... args) {
    CommandLine cli = new CommandLine(new RewriteJob());
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    cli.setExecutionExceptionHandler(RewriteJob::handle);
    return cli.execute(args);
  }

  @Override
  public Integer call() throws AnalysisException {
    RewriteOptions options =
        RewriteOptions.builder()
            .mechanism(mechanism)
            .epsilon(epsilon)
            .seed(seed == null ? OptionalLong.empty() : OptionalLong.of(seed))
            .oovPolicy(OovPolicy.fromCliName(oov.toLowerCase(Locale.ROOT)))
            .skipWords(skipWords == null ? Set.of() : SkipList.load(skipWords))
            .casing(CasingPolicy.fromCliName(casing.toLowerCase(Locale.ROOT)))
            .parameters(new MechanismParameters(OptionalDouble.empty(), OptionalDouble.empty(),
                beta == null ? OptionalDouble.empty() : OptionalDouble.of(beta)))
            .entities(EntityTreatment.fromCliName(entities.toLowerCase(Locale.ROOT)))
            .entityList(entityList == null ? EntityList.EMPTY : EntityList.read(entityList))
            .build();
    IndexKind indexKind = IndexKind.fromCliName(index.toLowerCase(Locale.ROOT));
    OutputVocabulary outputs = OutputVocabulary.parse(outputVocabulary);
    SparkSession spark = SparkSession.builder().appName("dx-rewrite").getOrCreate();
    RewriteMetrics metrics = RewriteMetrics.register(spark.sparkContext());
    DxRewrite rewrite =
        DxRewrite.defaults()
            .withEmbeddings(embeddings)
            .withKeyColumn(keyColumn)
            .withBatchSize(batchSize)
            .withSubjectColumn(subjectColumn)
            .withMetrics(metrics)
            .withIndex(indexKind)
            .withOutputVocabulary(outputs);
    PrintWriter err = spec.commandLine().getErr();
    if (options.entities().treatment() == EntityTreatment.OFF) {
      err.println("dx-rewrite: --entities off: identifiers go through the mechanism like any word");
    }
    if (seed != null) {
      err.println("dx-rewrite: seeded run: output is reproducible; use seeds for tests and audits only");
    }
    long start = System.nanoTime();
    Dataset<Row> in = format == Format.jsonl ? spark.read().json(input) : spark.read().parquet(input);
    Dataset<Row> out = rewrite.apply(in, field, options);
    if (format == Format.jsonl) {
      out.write().mode(SaveMode.ErrorIfExists).json(output);
    } else {
      out.write().mode(SaveMode.ErrorIfExists).parquet(output);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    err.printf(
        Locale.ROOT,
        "dx-rewrite: %d records, %d words, %d perturbed, epsilon %s per word, %.1f s, %.0f words/s, randomness %s%n",
        metrics.records().value(),
        metrics.words().value(),
        metrics.wordsPerturbed().value(),
        epsilon,
        seconds,
        metrics.words().value() / seconds,
        seed == null ? "SecureRandom-keyed ChaCha20" : "SEEDED (reproducible)");
    if (subjectColumn != null) {
      // read the written output back: recomputing an unseeded result would draw noise again
      Dataset<Row> written =
          format == Format.jsonl ? spark.read().json(output) : spark.read().parquet(output);
      Row summary =
          DxRewrite.subjectTotals(written, subjectColumn)
              .agg(functions.count(functions.lit(1)), functions.max("total_epsilon"))
              .first();
      err.printf(
          Locale.ROOT,
          "dx-rewrite: %d subjects; largest per-subject total epsilon %s (basic composition over"
              + " a subject's records)%n",
          summary.getLong(0),
          summary.isNullAt(1) ? 0.0 : summary.getDouble(1));
    }
    err.flush();
    return EXIT_OK;
  }

  private static int handle(Exception e, CommandLine cli, CommandLine.ParseResult parseResult) {
    // Spark's analysis errors name paths and columns, never record text
    return ErrorReporter.report(e, cli.getErr(), List.of(AnalysisException.class));
  }

}
