package io.dxrewrite.spark;

import io.dxrewrite.embeddings.OutputVocabulary;
import io.dxrewrite.nn.IndexKind;
import io.dxrewrite.entity.EntityList;
import io.dxrewrite.entity.EntityTreatment;
import io.dxrewrite.error.ErrorReporter;
import io.dxrewrite.calibration.Calibration;
import io.dxrewrite.calibration.CalibrationCache;
import io.dxrewrite.calibration.EpsilonCalibrator;
import io.dxrewrite.progress.ProgressListener;
import io.dxrewrite.error.DxPreconditions;
import io.dxrewrite.error.InvalidParameterException;
import io.dxrewrite.mechanism.MechanismParameters;
import io.dxrewrite.mechanism.Mechanisms;
import io.dxrewrite.mechanism.spec.MechanismCatalogue;
import io.dxrewrite.mechanism.spec.MechanismHelpBundle;
import io.dxrewrite.mechanism.spec.ParameterSpec;
import io.dxrewrite.rewrite.OovPolicy;
import io.dxrewrite.rewrite.CasingPolicy;
import io.dxrewrite.rewrite.RewriteOptions;
import org.apache.spark.sql.functions;
import io.dxrewrite.rewrite.SkipList;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
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
 * JSONL columns keep the input's key order ({@link JsonColumnOrder}). Output is a Spark output
 * folder (part files and {@code _SUCCESS}); an existing output is refused unless {@code --mode
 * overwrite}, and a failed job leaves no {@code _SUCCESS}.
 *
 * <p>Exit codes ({@link io.dxrewrite.error.ErrorKind}): 0 success; 2 bad usage, bad input or a
 * missing/damaged store (one-line reason that never quotes record text); 4 a failure of the
 * machines (a read or write that failed, executors that read different stores); 1 internal error.
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

  /** Exit code for a failure of the machines rather than of the caller. */
  public static final int EXIT_ENVIRONMENT = ErrorReporter.EXIT_ENVIRONMENT;

  /** Input and output formats. */
  enum Format {
    jsonl,
    parquet
  }

  @Option(names = "--input", required = true, description = "Input file or folder (any Spark path).")
  String input;

  /** What to do when the output folder exists. */
  enum Mode {
    /** Refuse (exit 2) and leave the folder as it is. */
    error,
    /** Replace the folder, once the arguments and the store have been checked. */
    overwrite
  }

  @Option(names = "--output", required = true, description = "Output folder (must not exist unless --mode overwrite).")
  String output;

  @Option(
      names = "--mode",
      defaultValue = "error",
      description =
          "If the output folder exists: error (default: refuse, exit 2, the folder untouched) or"
              + " overwrite (replace it; the options and the store are checked first, but a job"
              + " that fails while writing leaves no output).")
  Mode mode;

  @Option(names = "--format", defaultValue = "jsonl", description = "jsonl or parquet (default ${DEFAULT-VALUE}).")
  Format format;

  @Option(names = "--field", defaultValue = "text", description = "The text field to rewrite (default ${DEFAULT-VALUE}).")
  String field;

  @Option(
      names = "--epsilon",
      paramLabel = "E",
      description = "Epsilon per word, in ${bundle:range.epsilon}. Smaller is more private. Give"
          + " --epsilon or --target-nw.")
  Double epsilon;

  @Option(
      names = "--target-nw",
      paramLabel = "P",
      description = "Instead of --epsilon: calibrate epsilon on the driver so that a share P in"
          + " ${bundle:range.target_nw} of a typical text's words come back unchanged (as"
          + " 'dx-rewrite rewrite --target-nw'; cached next to the store); reports carry both.")
  Double targetNw;

  @Option(
      names = "--mechanism",
      defaultValue = MechanismCatalogue.DEFAULT_MECHANISM,
      description = "Mechanism: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}).",
      completionCandidates = MechanismNames.class)
  String mechanism;

  @Option(
      names = "--words",
      defaultValue = "" + EpsilonCalibrator.DEFAULT_WORDS,
      paramLabel = "N",
      description = "With --target-nw: words drawn from the Zipf prior for the calibration, as in"
          + " the CLI (default ${DEFAULT-VALUE}).")
  int words;

  @Option(
      names = "--trials",
      defaultValue = "" + EpsilonCalibrator.DEFAULT_TRIALS,
      paramLabel = "N",
      description = "With --target-nw: mechanism runs per drawn word (default ${DEFAULT-VALUE}).")
  int trials;

  @Option(
      names = "--sample-seed",
      defaultValue = "1",
      paramLabel = "N",
      description = "With --target-nw: seed of the calibration's word sample and Monte Carlo draws"
          + " (statistics only, never the rewriting noise; default ${DEFAULT-VALUE}, as in the CLI).")
  long sampleSeed;

  // descriptions, ranges and defaults of --lambda, --t and --beta come from MechanismCatalogue
  // through MechanismHelpBundle (keys "lambda", "t", "beta"), as in the CLI
  @Option(names = "--lambda", paramLabel = "L")
  Double lambda;

  @Option(names = "--t", paramLabel = "T")
  Double t;

  @Option(names = "--beta", paramLabel = "B")
  Double beta;

  @Option(
      names = "--embeddings",
      description =
          "Store file readable on every executor, or shipped with --files; or a fastText model"
              + " (.bin/.ftz) readable on the driver, whose vocabulary becomes the store and is"
              + " shipped to the executors (default: the embedded GloVe 20k subset).")
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


  /** Completion candidates for {@code --mechanism}: the catalogue's names. */
  static final class MechanismNames extends java.util.ArrayList<String> {
    private static final long serialVersionUID = 1L;

    MechanismNames() {
      super(MechanismCatalogue.names());
    }
  }

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
    cli.setResourceBundle(new MechanismHelpBundle());
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    cli.setExecutionExceptionHandler(RewriteJob::handle);
    return cli.execute(args);
  }

  @Override
  public Integer call() throws AnalysisException {
    if ((epsilon == null) == (targetNw == null)) {
      throw new InvalidParameterException("give exactly one of --epsilon and --target-nw");
    }
    if (epsilon != null) {
      DxPreconditions.checkEpsilon(epsilon);
    }
    Mechanisms.checkName(mechanism);
    MechanismParameters parameters =
        MechanismCatalogue.parameters(mechanism, lambda, t, beta, ParameterSpec::cliFlag);
    RewriteOptions.Builder builder =
        RewriteOptions.builder()
            .mechanism(mechanism)
            .seed(seed == null ? OptionalLong.empty() : OptionalLong.of(seed))
            .oovPolicy(OovPolicy.fromCliName(oov.toLowerCase(Locale.ROOT)))
            .skipWords(skipWords == null ? Set.of() : SkipList.load(skipWords))
            .casing(CasingPolicy.fromCliName(casing.toLowerCase(Locale.ROOT)))
            .parameters(parameters)
            .entities(EntityTreatment.fromCliName(entities.toLowerCase(Locale.ROOT)))
            .entityList(entityList == null ? EntityList.EMPTY : EntityList.read(entityList));
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
    if (targetNw != null) {
      StoreLocation store =
          embeddings == null ? StoreLocation.embeddedDefault() : StoreLocation.file(embeddings);
      Calibration calibration =
          CalibrationCache.calibrate(
              ExecutorRewriters.get(store, indexKind, outputs).context(), mechanism, parameters,
              targetNw, words, trials, sampleSeed, ProgressListener.NONE);
      err.println("dx-rewrite: " + calibration.summary());
      builder.epsilon(calibration.epsilon()).targetNw(targetNw);
    } else {
      builder.epsilon(epsilon);
    }
    RewriteOptions options = builder.build();
    if (options.entities().treatment() == EntityTreatment.OFF) {
      err.println("dx-rewrite: --entities off: identifiers go through the mechanism like any word");
    }
    if (seed != null) {
      err.println("dx-rewrite: seeded run: output is reproducible; use seeds for tests and audits only");
    }
    long start = System.nanoTime();
    Dataset<Row> in =
        format == Format.jsonl
            ? JsonColumnOrder.restore(spark, input, spark.read().json(input))
            : spark.read().parquet(input);
    Dataset<Row> out = rewrite.apply(in, field, options);
    SaveMode saveMode = mode == Mode.overwrite ? SaveMode.Overwrite : SaveMode.ErrorIfExists;
    if (format == Format.jsonl) {
      out.write().mode(saveMode).json(output);
    } else {
      out.write().mode(saveMode).parquet(output);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    err.printf(
        Locale.ROOT,
        "dx-rewrite: %d records, %d words, %d perturbed, epsilon %s per word, %.1f s, %.0f words/s, randomness %s%n",
        metrics.records().value(),
        metrics.words().value(),
        metrics.wordsPerturbed().value(),
        options.epsilon(),
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
