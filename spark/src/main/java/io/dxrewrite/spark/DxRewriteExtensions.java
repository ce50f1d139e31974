package io.dxrewrite.spark;

import org.apache.spark.sql.SparkSessionExtensions;
import org.apache.spark.sql.catalyst.FunctionIdentifier;
import org.apache.spark.sql.catalyst.expressions.ExpressionInfo;
import scala.Tuple3;
import scala.runtime.AbstractFunction1;
import scala.runtime.BoxedUnit;

/**
 * Registers the SQL functions {@value #FUNCTION} and {@value #TEXT_FUNCTION} in every
 * SparkSession that names this class in {@code spark.sql.extensions}, so that SQL and PySpark users
 * rewrite text with word-level metric differential privacy (Feyisetan et al., WSDM 2020) with
 * nothing but the job jar and one configuration line:
 *
 * <pre>
 * spark-submit --jars dx-rewrite-spark.jar \
 *   --conf spark.sql.extensions=io.dxrewrite.spark.DxRewriteExtensions \
 *   --conf spark.dxrewrite.embeddings=/shared/glove.dxemb ...
 * SELECT dx_rewrite_text(text, 10.0) FROM reviews
 * </pre>
 *
 * <ul>
 *   <li>{@code dx_rewrite(text, epsilon [, mechanism [, options]])}: a struct {@code text} string,
 *       {@value ReportColumn#NAME} ({@link ReportColumn#TYPE}, the fields of {@link
 *       io.dxrewrite.rewrite.PrivacyReport#FIELDS}).
 *   <li>{@code dx_rewrite_text(text, epsilon [, mechanism [, options]])}: the rewritten text only.
 * </ul>
 *
 * <p>Arguments: {@code text} a string column (a null text gives a null result and spends
 * nothing); {@code epsilon} a literal number, epsilon per word in the mechanism's metric (one value
 * for the whole query, checked at analysis as the CLI checks {@code --epsilon}); {@code mechanism}
 * a literal string, default {@code cmp}; {@code options} a literal {@code map(...)} with keys
 * {@code oov}, {@code casing}, {@code entities}, {@code beta}, {@code lambda}, {@code t} and the
 * values the CLI options of those names take. Bad arguments fail analysis ({@link
 * org.apache.spark.sql.AnalysisException}) with the messages the CLI prints; see {@link
 * SqlRewriteBuilder}.
 *
 * <p>Session settings, read when a query is analysed: {@value #EMBEDDINGS_CONF} (a store every
 * executor can read or that was shipped with {@code --files}, or a fastText model on the driver;
 * default the embedded GloVe 20k subset), {@value #INDEX_CONF} ({@code auto}, {@code simd}, {@code
 * nd4j}, {@code gpu}) and {@value #OUTPUT_VOCABULARY_CONF} ({@code letters}, {@code all} or a
 * file). Each executor memory-maps the store once ({@link ExecutorRewriters}), as the Dataset
 * transformation does.
 *
 * <p>Randomness: always {@code SecureRandom}-keyed ChaCha20 (every report says {@code seeded =
 * false}); the functions are non-deterministic, so Spark never evaluates one twice for a row in a
 * plan and a retried task draws fresh noise. Reproducible (seeded) rewriting is the Dataset API's
 * and the job's ({@link DxRewrite}).
 */
public final class DxRewriteExtensions extends AbstractFunction1<SparkSessionExtensions, BoxedUnit> {
  /** The function returning the struct of text and report. */
  public static final String FUNCTION = "dx_rewrite";

  /** The function returning the rewritten text only. */
  public static final String TEXT_FUNCTION = "dx_rewrite_text";

  /** Session setting: the store path; unset for the embedded default. */
  public static final String EMBEDDINGS_CONF = "spark.dxrewrite.embeddings";

  /** Session setting: the exact nearest-neighbour kernel on executors (default {@code auto}). */
  public static final String INDEX_CONF = "spark.dxrewrite.index";

  /** Session setting: the output vocabulary rule (default {@code letters}). */
  public static final String OUTPUT_VOCABULARY_CONF = "spark.dxrewrite.output-vocabulary";

  /** Called by Spark with {@code spark.sql.extensions}; public no-argument constructor. */
  public DxRewriteExtensions() {}

  /**
   * Injects both functions.
   *
   * @param extensions the session's extension points
   * @return unit
   */
  @Override
  public BoxedUnit apply(SparkSessionExtensions extensions) {
    extensions.injectFunction(describe(FUNCTION, "a struct of the rewritten text and its privacy report", false));
    extensions.injectFunction(describe(TEXT_FUNCTION, "the rewritten text", true));
    return BoxedUnit.UNIT;
  }

  private static Tuple3<FunctionIdentifier, ExpressionInfo, scala.Function1<scala.collection.immutable.Seq<org.apache.spark.sql.catalyst.expressions.Expression>, org.apache.spark.sql.catalyst.expressions.Expression>>
      describe(String name, String returns, boolean textOnly) {
    String usage =
        name + "(text, epsilon [, mechanism [, options]]) - Rewrites text under word-level metric"
            + " differential privacy (epsilon per word, a literal); returns " + returns + ".";
    ExpressionInfo info =
        new ExpressionInfo(SqlRewriteBuilder.class.getName(), null, name, usage, "", "", "", "", "", "", "java_udf");
    return new Tuple3<>(new FunctionIdentifier(name), info, new SqlRewriteBuilder(name, textOnly));
  }
}
