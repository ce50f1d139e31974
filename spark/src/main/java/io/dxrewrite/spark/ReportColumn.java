package io.dxrewrite.spark;

import io.dxrewrite.rewrite.PrivacyReport;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The privacy-report struct column that {@link DxRewrite} appends to every row: one {@link
 * PrivacyReport} per record, built from counts only, never from the text. Field names are those of
 * the CLI's {@code --report} JSON.
 */
public final class ReportColumn {
  /** Default name of the appended column. */
  public static final String NAME = "privacy_report";

  /**
   * The struct: {@code mechanism} string, {@code epsilon_per_word} double (epsilon per perturbed
   * word), {@code words}, {@code words_perturbed}, {@code oov_words} int, {@code oov_policy}
   * string, {@code oov_kept}, {@code skipped_words} int, {@code total_epsilon} double ({@code
   * epsilon_per_word * words_perturbed}, basic composition), {@code seeded} boolean (true when a
   * caller's seed was used: reproducible, not for production), {@code target_nw} double, null
   * unless epsilon was calibrated from a median-N_w target, {@code oov_subword} int (OOV words
   * perturbed from their own fastText subword vector), {@code entity_treatment} string
   * (placeholder, surrogate or off), {@code entities} map of string to int (identifiers per kind,
   * e.g. {@code {PERSON -> 2}}; their kinds are released, their values are not).
   */
  public static final StructType TYPE =
      new StructType()
          .add("mechanism", DataTypes.StringType, false)
          .add("epsilon_per_word", DataTypes.DoubleType, false)
          .add("words", DataTypes.IntegerType, false)
          .add("words_perturbed", DataTypes.IntegerType, false)
          .add("oov_words", DataTypes.IntegerType, false)
          .add("oov_policy", DataTypes.StringType, false)
          .add("oov_kept", DataTypes.IntegerType, false)
          .add("skipped_words", DataTypes.IntegerType, false)
          .add("total_epsilon", DataTypes.DoubleType, false)
          .add("seeded", DataTypes.BooleanType, false)
          .add("target_nw", DataTypes.DoubleType, true)
          .add("oov_subword", DataTypes.IntegerType, false)
          .add("entity_treatment", DataTypes.StringType, false)
          .add(
              "entities",
              DataTypes.createMapType(DataTypes.StringType, DataTypes.IntegerType, false),
              false);

  private ReportColumn() {}

  /**
   * @param report one record's report
   * @return the report as a row of {@link #TYPE}
   */
  public static Row toRow(PrivacyReport report) {
    return RowFactory.create(
        report.mechanism(),
        report.epsilonPerWord(),
        report.words(),
        report.wordsPerturbed(),
        report.oovWords(),
        report.oovPolicy(),
        report.oovKept(),
        report.skippedWords(),
        report.totalEpsilon(),
        report.seeded(),
        report.targetNw(),
        report.oovSubword(),
        report.entityTreatment(),
        // a Row's map field must be a Scala map
        scala.jdk.javaapi.CollectionConverters.asScala(new java.util.LinkedHashMap<>(report.entities())));
  }

  /**
   * @param row a row of {@link #TYPE}
   * @return the report it holds
   */
  public static PrivacyReport fromRow(Row row) {
    return new PrivacyReport(
        row.getString(0),
        row.getDouble(1),
        row.getInt(2),
        row.getInt(3),
        row.getInt(4),
        row.getString(5),
        row.getInt(6),
        row.getInt(7),
        row.getDouble(8),
        row.getBoolean(9),
        row.isNullAt(10) ? null : row.getDouble(10),
        row.getInt(11),
        row.getString(12),
        row.<String, Integer>getJavaMap(13));
  }
}
