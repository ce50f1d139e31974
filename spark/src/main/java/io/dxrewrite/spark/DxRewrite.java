package io.dxrewrite.spark;

import io.dxrewrite.error.DxPreconditions;
import io.dxrewrite.error.InvalidInputException;
import io.dxrewrite.error.InvalidParameterException;
import io.dxrewrite.rewrite.RewriteOptions;
import org.apache.spark.sql.functions;
import io.dxrewrite.embeddings.OutputVocabulary;
import io.dxrewrite.nn.IndexKind;
import java.util.Arrays;
import java.util.Objects;
import java.util.Set;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import scala.Tuple2;

/**
 * Rewrites a text column of a Spark {@link Dataset} with word-level metric differential privacy
 * (d_X-privacy; Feyisetan, Balle, Drake, Diethe, WSDM 2020): the same {@link
 * io.dxrewrite.rewrite.Rewriter} as the CLI and the library, run with {@code mapPartitions} over
 * batches of rows.
 *
 * <p>The result has the input's columns in the input's order, the text column rewritten and every
 * other column (labels, ids) untouched, plus a {@link ReportColumn} struct per row (the fields of
 * {@link io.dxrewrite.rewrite.PrivacyReport}: epsilon per word and its Euclidean equivalent, word
 * counts, unprotected words and the guarantee, total epsilon, seeded, casing). A null text stays
 * null and spends nothing. Output casing follows {@link RewriteOptions#casing()}: by default from
 * public structure only.
 *
 * <p><b>Per data subject.</b> Epsilons compose per person: a person whose k records are rewritten
 * is protected by the sum of their {@code total_epsilon}s, not by any one of them. Name the column
 * that identifies the person with {@link #withSubjectColumn(String)} (checked to exist, kept in
 * the output as it was, never copied into the report) and add up with {@link
 * #subjectTotals(Dataset, String)}.
 *
 * <p><b>Store.</b> The embedded default (GloVe 6B 100d, 20k words), or a store file every executor
 * can read (or shipped with {@code --files}). It is opened and verified on the driver when {@link
 * #apply} is called, so a missing or damaged store fails before any task runs; each executor JVM
 * then maps it once ({@link ExecutorRewriters}).
 *
 * <p><b>Randomness.</b> Without a seed every word's noise comes from {@code SecureRandom}. With a
 * seed (tests and audits only; every report says {@code seeded}), row i's noise derives from
 * (seed, key_i), where key_i is a stable row key: by default the row's 0-based position in the
 * input (its line number for a JSONL file read in order), or an integral key column given with
 * {@link #withKeyColumn(String)}. Spark re-executes failed tasks; because a row's noise depends only
 * on (seed, key), a retried partition reproduces the first attempt's output exactly instead of
 * drawing (and possibly leaking) a second sample. Position keys need a deterministic input order
 * (files read in place, not the output of a shuffle); otherwise use a key column. Position keys
 * cost one extra Spark job to count the rows of each partition (Spark's {@code zipWithIndex}).
 * An unseeded result draws fresh noise each time Spark computes it, so two actions over it (two
 * writes, or a count and then a write) publish two samples: write it once or persist it.
 *
 * <p>Immutable: the {@code with...} methods return a new instance.
 */
public final class DxRewrite {
  /** Records whose words go through the nearest-neighbour search together, by default. */
  public static final int DEFAULT_BATCH_SIZE = 512;

  private static final Logger LOG = LoggerFactory.getLogger(DxRewrite.class);
  private static final Set<DataType> INTEGRAL_TYPES =
      Set.of(DataTypes.ByteType, DataTypes.ShortType, DataTypes.IntegerType, DataTypes.LongType);

  private final String embeddings;
  private final String keyColumn;
  private final String subjectColumn;
  private final int batchSize;
  private final RewriteMetrics metrics;
  private final IndexKind index;
  private final OutputVocabulary outputs;

  private DxRewrite(
      String embeddings,
      String keyColumn,
      String subjectColumn,
      int batchSize,
      RewriteMetrics metrics,
      IndexKind index,
      OutputVocabulary outputs) {
    this.embeddings = embeddings;
    this.keyColumn = keyColumn;
    this.subjectColumn = subjectColumn;
    this.batchSize = batchSize;
    this.metrics = metrics;
    this.index = index;
    this.outputs = outputs;
  }

  /**
   * Rewrites {@code textColumn} with the embedded default store, position keys and batches of
   * {@value #DEFAULT_BATCH_SIZE} records.
   *
   * @param input any Dataset with a string column {@code textColumn}
   * @param textColumn the column to rewrite
   * @param options mechanism, epsilon per word, seed (empty for {@code SecureRandom}), OOV policy
   *     and skip list
   * @return the rewritten Dataset, same columns in the same order plus {@value ReportColumn#NAME}
   * @throws InvalidParameterException if the column is missing or not a string column, or the
   *     input already has a {@value ReportColumn#NAME} column
   */
  public static Dataset<Row> rewrite(Dataset<Row> input, String textColumn, RewriteOptions options) {
    return defaults().apply(input, textColumn, options);
  }

  /**
   * @return the embedded default store, position keys, batches of {@value #DEFAULT_BATCH_SIZE}
   */
  public static DxRewrite defaults() {
    return new DxRewrite(
        null, null, null, DEFAULT_BATCH_SIZE, null, IndexKind.AUTO, OutputVocabulary.LETTERS);
  }

  /**
   * @param storePath a store file readable at this path on every executor, or shipped with {@code
   *     spark-submit --files} (executors then find it by file name); or a fastText model ({@code
   *     .bin}/{@code .ftz}) readable on the driver, whose vocabulary the driver converts and ships
   *     ({@link DriverStores}); {@code null} for the embedded default
   * @return a copy using that store
   */
  public DxRewrite withEmbeddings(String storePath) {
    return new DxRewrite(storePath, keyColumn, subjectColumn, batchSize, metrics, index, outputs);
  }

  /**
   * @param column an integral column (byte, short, int, long) whose value is a stable, unique key
   *     per row; seeded noise then derives from (seed, key) whatever the partitioning, and no extra
   *     job is needed. {@code null} for position keys.
   * @return a copy using that key column
   */
  public DxRewrite withKeyColumn(String column) {
    return new DxRewrite(embeddings, column, subjectColumn, batchSize, metrics, index, outputs);
  }

  /**
   * @param column the column that names the data subject (the person a record is about), or
   *     {@code null} for none. {@link #apply} checks that it exists and differs from the text
   *     column; the per-row report is the same with or without it and never holds the key. Sum a
   *     subject's charges with {@link #subjectTotals(Dataset, String)}.
   * @return a copy with that subject column
   */
  public DxRewrite withSubjectColumn(String column) {
    return new DxRewrite(embeddings, keyColumn, column, batchSize, metrics, index, outputs);
  }

  /**
   * Per-subject totals by basic composition: {@code groupBy(subjectColumn)} over the report
   * column, summing {@code privacy_report.total_epsilon} (Euclidean units) and {@code
   * privacy_report.unprotected_words}. A subject's {@code total_epsilon} bounds what all their
   * rewritten records together reveal about the perturbed words (Feyisetan et al., WSDM 2020,
   * composition over words); rows with a null subject form one group with a null key.
   *
   * <p>Run it on the output once it is written and read back (or persisted): an unseeded result
   * recomputed for the aggregation draws fresh noise (not published, but twice the work).
   *
   * @param rewritten a result of {@link #apply} (or it read back from JSON or Parquet)
   * @param subjectColumn the subject column
   * @return columns {@code subjectColumn}, {@code records} (long), {@code total_epsilon} (double),
   *     {@code unprotected_words} (long)
   * @throws InvalidParameterException if a column is missing
   */
  public static Dataset<Row> subjectTotals(Dataset<Row> rewritten, String subjectColumn) {
    fieldIndex(rewritten.schema(), subjectColumn, "subject column");
    fieldIndex(rewritten.schema(), ReportColumn.NAME, "report column");
    return rewritten
        .groupBy(functions.col(subjectColumn))
        .agg(
            functions.count(functions.lit(1)).as("records"),
            functions.sum(ReportColumn.NAME + ".total_epsilon").cast(DataTypes.DoubleType).as("total_epsilon"),
            functions.sum(ReportColumn.NAME + ".unprotected_words").cast(DataTypes.LongType).as("unprotected_words"));
  }

  /**
   * @param records records whose words go through the index together, {@code >= 1}
   * @return a copy using that batch size
   * @throws InvalidParameterException if {@code records < 1}
   */
  public DxRewrite withBatchSize(int records) {
    DxPreconditions.checkAtLeast("batch size", records, 1);
    return new DxRewrite(embeddings, keyColumn, subjectColumn, records, metrics, index, outputs);
  }

  /**
   * @param counters accumulators to add each row's counts to, or {@code null}
   * @return a copy updating those counters
   */
  public DxRewrite withMetrics(RewriteMetrics counters) {
    return new DxRewrite(embeddings, keyColumn, subjectColumn, batchSize, counters, index, outputs);
  }

  /**
   * @param kind the exact nearest-neighbour kernel every executor builds (default {@link
   *     IndexKind#AUTO}); {@code IndexKind.fromCliName("simd")} for a command-line name
   * @return a copy using that kernel
   */
  public DxRewrite withIndex(IndexKind kind) {
    return new DxRewrite(embeddings, keyColumn, subjectColumn, batchSize, metrics, Objects.requireNonNull(kind), outputs);
  }

  /**
   * @param rule which words a replacement may be (default {@link OutputVocabulary#LETTERS}); a
   *     public rule on candidates only, so the guarantee is unchanged (see {@link
   *     OutputVocabulary})
   * @return a copy using that output vocabulary
   */
  public DxRewrite withOutputVocabulary(OutputVocabulary rule) {
    return new DxRewrite(embeddings, keyColumn, subjectColumn, batchSize, metrics, index, Objects.requireNonNull(rule));
  }

  /**
   * Rewrites {@code textColumn}. Lazy like any transformation, except that the store is verified
   * here on the driver, and that seeded position keys run one job to count partition sizes.
   *
   * @param input any Dataset with a string column {@code textColumn}
   * @param textColumn the column to rewrite
   * @param options mechanism, epsilon per word, seed, OOV policy and skip list
   * @return the rewritten Dataset, same columns in the same order plus {@value ReportColumn#NAME}
   * @throws InvalidParameterException if a column is missing or of the wrong type
   * @throws io.dxrewrite.error.StoreFormatException if the store is missing or damaged
   */
  public Dataset<Row> apply(Dataset<Row> input, String textColumn, RewriteOptions options) {
    StructType schema = input.schema();
    int textIndex = fieldIndex(schema, textColumn, "text column");
    DxPreconditions.checkArgument(
        schema.fields()[textIndex].dataType().equals(DataTypes.StringType),
        "text column '" + textColumn + "' must be a string column, got "
            + schema.fields()[textIndex].dataType().simpleString());
    DxPreconditions.checkArgument(
        Arrays.stream(schema.fieldNames()).noneMatch(ReportColumn.NAME::equals),
        "the input already has a column '" + ReportColumn.NAME + "'; rename or drop it first");
    if (subjectColumn != null) {
      fieldIndex(schema, subjectColumn, "subject column");
      DxPreconditions.checkArgument(
          !subjectColumn.equals(textColumn),
          "subject column '" + subjectColumn + "' must differ from the text column");
    }
    int keyIndex = -1;
    if (keyColumn != null) {
      keyIndex = fieldIndex(schema, keyColumn, "key column");
      DataType keyType = schema.fields()[keyIndex].dataType();
      DxPreconditions.checkArgument(
          INTEGRAL_TYPES.contains(keyType),
          "key column '" + keyColumn + "' must be an integral column, got " + keyType.simpleString());
    }

    StoreLocation store = DriverStores.locate(embeddings, input.sparkSession().sparkContext());
    boolean seeded = options.seed().isPresent();
    LOG.info(
        "dx-rewrite: mechanism {}, epsilon {} per word, store {}, index {}, output vocabulary {},"
            + " randomness {}, row keys {}",
        options.mechanism(),
        options.epsilon(),
        store.describe(),
        index.name().toLowerCase(java.util.Locale.ROOT),
        outputs.describe(),
        seeded ? "SEEDED (reproducible, not for production)" : "SecureRandom-keyed ChaCha20",
        !seeded ? "unused" : keyColumn == null ? "row position" : "column " + keyColumn);

    JavaRDD<Tuple2<Row, Long>> keyed = keyedRows(input.javaRDD(), seeded, keyIndex);
    JavaRDD<Row> rewritten =
        keyed.mapPartitions(
            new PartitionRewriter(
                store, PortableOptions.of(options), textIndex, batchSize, metrics, index, outputs));
    StructType output =
        schema.add(new StructField(ReportColumn.NAME, ReportColumn.TYPE, false, Metadata.empty()));
    return input.sparkSession().createDataFrame(rewritten, output);
  }

  private static JavaRDD<Tuple2<Row, Long>> keyedRows(JavaRDD<Row> rows, boolean seeded, int keyIndex) {
    if (!seeded) {
      return rows.map(DxRewrite::unkeyed);
    }
    if (keyIndex < 0) {
      return rows.zipWithIndex().rdd().toJavaRDD();
    }
    return rows.map(row -> keyed(row, keyIndex));
  }

  private static Tuple2<Row, Long> unkeyed(Row row) {
    return new Tuple2<>(row, 0L);
  }

  private static Tuple2<Row, Long> keyed(Row row, int keyIndex) {
    if (row.isNullAt(keyIndex)) {
      throw new InvalidInputException(
          "a row has a null key column; seeded rewriting needs a key in every row");
    }
    return new Tuple2<>(row, ((Number) row.get(keyIndex)).longValue());
  }

  private static int fieldIndex(StructType schema, String column, String role) {
    String[] names = schema.fieldNames();
    for (int i = 0; i < names.length; i++) {
      if (names[i].equals(column)) {
        return i;
      }
    }
    throw new InvalidParameterException(
        role + " '" + column + "' not found; columns: " + String.join(", ", names));
  }
}
