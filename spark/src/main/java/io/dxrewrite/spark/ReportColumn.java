package io.dxrewrite.spark;

import io.dxrewrite.rewrite.PrivacyReport;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The privacy-report struct column that {@link DxRewrite} appends to every row: one {@link
 * PrivacyReport} per record, built from counts only, never from the text. Its fields are {@link
 * PrivacyReport#FIELDS}, the same names, order and meaning as the CLI's {@code --report} JSON and
 * the API's {@code Report}.
 *
 * <p>Per data subject: epsilons compose per person, so sum {@code total_epsilon} over a subject's
 * rows, e.g. {@code out.groupBy("user_id").agg(sum("privacy_report.total_epsilon"))} (see {@link
 * DxRewrite#subjectTotals}); the report itself never holds the subject key.
 */
public final class ReportColumn {
  /** Default name of the appended column. */
  public static final String NAME = "privacy_report";

  /**
   * The struct, derived from {@link PrivacyReport#FIELDS}: {@code mechanism} string, {@code
   * epsilon_per_word} double (the parameter, in the mechanism's metric), {@code
   * euclidean_epsilon_per_word} double (what is charged), {@code words}, {@code words_perturbed},
   * {@code oov_words} int, {@code oov_policy} string, {@code oov_kept}, {@code skipped_words},
   * {@code unprotected_words} int, {@code guarantee} string ("metric-dp" or "none for N words"),
   * {@code total_epsilon} double ({@code euclidean_epsilon_per_word * words_perturbed}, basic
   * composition; covers no unprotected word), {@code seeded} boolean, {@code target_nw} double
   * (null unless epsilon was calibrated from a text-level N_w target), {@code oov_subword} int, {@code
   * casing} string ("structural" or "released"), {@code entity_treatment} string (placeholder,
   * surrogate or off), {@code entities} map of string to int (identifiers per kind, e.g. {@code
   * {PERSON -> 2}}; their kinds are released, their values are not).
   */
  public static final StructType TYPE = structType();

  private ReportColumn() {}

  private static StructType structType() {
    StructType type = new StructType();
    for (PrivacyReport.Field f : PrivacyReport.FIELDS) {
      type = type.add(f.name(), sparkType(f.type()), f.nullable());
    }
    return type;
  }

  private static DataType sparkType(Class<?> type) {
    if (type == String.class) {
      return DataTypes.StringType;
    }
    if (type == Double.class) {
      return DataTypes.DoubleType;
    }
    if (type == Integer.class) {
      return DataTypes.IntegerType;
    }
    if (type == Boolean.class) {
      return DataTypes.BooleanType;
    }
    if (type == Map.class) {
      return DataTypes.createMapType(DataTypes.StringType, DataTypes.IntegerType, false);
    }
    throw new IllegalStateException("no Spark type for report field type " + type.getName());
  }

  /**
   * @param report one record's report
   * @return the report as a row of {@link #TYPE}
   */
  public static Row toRow(PrivacyReport report) {
    Object[] values = report.fields().values().toArray();
    for (int i = 0; i < values.length; i++) {
      if (values[i] instanceof Map<?, ?> map) {
        // a Row's map field must be a Scala map
        values[i] = scala.jdk.javaapi.CollectionConverters.asScala(new LinkedHashMap<>(map));
      }
    }
    return RowFactory.create(values);
  }

  /**
   * @param row a row of {@link #TYPE}
   * @return the report it holds
   */
  public static PrivacyReport fromRow(Row row) {
    List<PrivacyReport.Field> fields = PrivacyReport.FIELDS;
    Map<String, Object> values = new LinkedHashMap<>();
    for (int i = 0; i < fields.size(); i++) {
      Object value;
      if (row.isNullAt(i)) {
        value = null;
      } else if (fields.get(i).type() == Map.class) {
        value = row.<String, Integer>getJavaMap(i);
      } else {
        value = row.get(i);
      }
      values.put(fields.get(i).name(), value);
    }
    return PrivacyReport.fromFields(values);
  }
}
