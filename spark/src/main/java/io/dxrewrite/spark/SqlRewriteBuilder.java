package io.dxrewrite.spark;

import io.dxrewrite.embeddings.OutputVocabulary;
import io.dxrewrite.entity.EntityTreatment;
import io.dxrewrite.error.DxRewriteException;
import io.dxrewrite.nn.IndexKind;
import io.dxrewrite.rewrite.CasingPolicy;
import io.dxrewrite.rewrite.OovPolicy;
import io.dxrewrite.rewrite.RewriteOptions;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.spark.QueryContext;
import org.apache.spark.SparkContext;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.catalyst.CatalystTypeConverters;
import org.apache.spark.sql.catalyst.expressions.Expression;
import org.apache.spark.sql.catalyst.expressions.ScalaUDF;
import org.apache.spark.sql.internal.SQLConf;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.NullType;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructType;
import scala.Option;
import scala.collection.immutable.Seq;
import scala.jdk.javaapi.CollectionConverters;
import scala.runtime.AbstractFunction1;

/**
 * The function builder behind {@code dx_rewrite} and {@code dx_rewrite_text} ({@link
 * DxRewriteExtensions}): Spark calls it during analysis with the call's resolved argument
 * expressions. It checks the arguments, opens and verifies the store on the driver, and returns a
 * non-deterministic {@link ScalaUDF} over the text column whose closure ({@link SqlRewriteUdf})
 * carries only the store's location and the options.
 *
 * <p>Errors ({@link AnalysisException}, thrown before any task runs; messages never quote a
 * record): wrong number of arguments; a text that is not a string; an epsilon, mechanism or options
 * argument that is not a literal (or is null); an options key that is not one of {@link
 * #OPTION_KEYS}; and every check of the core with the CLI's own message, since the options are
 * built by the same {@link RewriteOptions.Builder}, {@link OovPolicy#fromCliName}, {@link
 * CasingPolicy#fromCliName} and {@link EntityTreatment#fromCliName} (epsilon out of range, unknown
 * mechanism, ...); a missing or damaged store (the message names the file).
 */
final class SqlRewriteBuilder extends AbstractFunction1<Seq<Expression>, Expression> {
  /** Keys the options map may hold; each is the CLI option of the same name. */
  static final Set<String> OPTION_KEYS = Set.of("oov", "casing", "entities", "beta", "lambda", "t");

  /** The struct {@code dx_rewrite} returns: {@code text} string, then the report. */
  static final StructType RESULT_TYPE =
      new StructType()
          .add("text", DataTypes.StringType, true)
          .add(ReportColumn.NAME, ReportColumn.TYPE, false);

  private final String name;
  private final boolean textOnly;

  /**
   * @param name the SQL function's name, for messages
   * @param textOnly true for {@code dx_rewrite_text}
   */
  SqlRewriteBuilder(String name, boolean textOnly) {
    this.name = name;
    this.textOnly = textOnly;
  }

  @Override
  public Expression apply(Seq<Expression> arguments) {
    List<Expression> args = CollectionConverters.asJava(arguments);
    if (args.size() < 2 || args.size() > 4) {
      throw analysisError(
          name + " takes (text, epsilon [, mechanism [, options]]), got " + args.size() + " arguments");
    }
    Expression text = args.get(0);
    if (!(text.dataType() instanceof StringType) && !(text.dataType() instanceof NullType)) {
      throw analysisError(name + ": text must be a string column, got " + text.dataType().simpleString());
    }
    SqlRewriteUdf udf;
    try {
      RewriteOptions options = options(args);
      SQLConf conf = SQLConf.get();
      String store = conf.getConfString(DxRewriteExtensions.EMBEDDINGS_CONF, "");
      StoreLocation location =
          DriverStores.locate(store.isEmpty() ? null : store, SparkContext.getOrCreate());
      IndexKind index =
          IndexKind.fromCliName(conf.getConfString(DxRewriteExtensions.INDEX_CONF, "auto").toLowerCase(Locale.ROOT));
      OutputVocabulary outputs =
          OutputVocabulary.parse(
              conf.getConfString(DxRewriteExtensions.OUTPUT_VOCABULARY_CONF, OutputVocabulary.DEFAULT_NAME));
      udf = new SqlRewriteUdf(location, PortableOptions.of(options), index, outputs, textOnly);
    } catch (DxRewriteException e) {
      throw analysisError(e.getMessage());
    }
    DataType type = textOnly ? DataTypes.StringType : RESULT_TYPE;
    return new ScalaUDF(
        udf,
        type,
        CollectionConverters.asScala(List.of(text)).toList(),
        CollectionConverters.asScala(List.<Option<org.apache.spark.sql.catalyst.encoders.ExpressionEncoder<?>>>of(Option.empty())).toList(),
        Option.empty(),
        Option.apply(name),
        true,
        false);
  }

  private RewriteOptions options(List<Expression> args) {
    double epsilon = literal(args.get(1), "epsilon", Number.class).doubleValue();
    RewriteOptions.Builder builder = RewriteOptions.builder().epsilon(epsilon);
    if (args.size() >= 3) {
      builder.mechanism(literal(args.get(2), "mechanism", String.class));
    }
    if (args.size() == 4) {
      scala.collection.Map<?, ?> map = literal(args.get(3), "options", scala.collection.Map.class);
      for (Map.Entry<?, ?> e : CollectionConverters.asJava(map).entrySet()) {
        option(builder, String.valueOf(e.getKey()), e.getValue() == null ? null : String.valueOf(e.getValue()));
      }
    }
    return builder.build();
  }

  private void option(RewriteOptions.Builder builder, String key, String value) {
    if (!OPTION_KEYS.contains(key)) {
      throw analysisError(
          name + ": unknown option '" + key + "'; allowed: " + String.join(", ", OPTION_KEYS.stream().sorted().toList()));
    }
    if (value == null) {
      throw analysisError(name + ": option '" + key + "' must not be null");
    }
    String v = value.toLowerCase(Locale.ROOT);
    switch (key) {
      case "oov" -> builder.oovPolicy(OovPolicy.fromCliName(v));
      case "casing" -> builder.casing(CasingPolicy.fromCliName(v));
      case "entities" -> builder.entities(EntityTreatment.fromCliName(v));
      case "beta" -> builder.beta(number(key, value));
      case "lambda" -> builder.lambda(number(key, value));
      default -> builder.t(number(key, value));
    }
  }

  private double number(String key, String value) {
    try {
      return Double.parseDouble(value);
    } catch (NumberFormatException e) {
      throw analysisError(name + ": option '" + key + "' must be a number");
    }
  }

  private <T> T literal(Expression e, String argument, Class<T> type) {
    boolean typeOk =
        switch (argument) {
          case "epsilon" -> e.dataType() instanceof NumericType;
          case "mechanism" -> e.dataType() instanceof StringType;
          default -> e.dataType() instanceof MapType;
        };
    if (!e.foldable() || !typeOk) {
      throw analysisError(
          name + ": " + argument + " must be a literal " + (argument.equals("epsilon") ? "number" : argument.equals("mechanism") ? "string" : "map(key, value, ...)")
              + " (one value for the whole query), got " + (e.foldable() ? e.dataType().simpleString() : "a column expression"));
    }
    Object value = CatalystTypeConverters.convertToScala(e.eval(null), e.dataType());
    if (value == null) {
      throw analysisError(name + ": " + argument + " must not be null");
    }
    return type.cast(value);
  }

  /**
   * Throws an {@link AnalysisException} (a checked exception in Java, which Scala callers such as
   * Spark's analyzer expect from a function builder) with this message and no error class.
   */
  private static RuntimeException analysisError(String message) {
    throw SqlRewriteBuilder.<RuntimeException>rethrow(analysisException(message));
  }

  @SuppressWarnings("unchecked")
  private static <E extends Throwable> E rethrow(Throwable t) throws E {
    throw (E) t;
  }

  private static AnalysisException analysisException(String message) {
    return new AnalysisException(
        message,
        Option.empty(),
        Option.empty(),
        Option.empty(),
        Option.empty(),
        scala.collection.immutable.Map$.MODULE$.<String, String>empty(),
        new QueryContext[0]);
  }
}
