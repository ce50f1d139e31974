package io.dxrewrite.spark;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/**
 * Keeps a JSONL corpus's columns in the order its records give them. Spark's JSON reader infers a
 * schema whose fields are sorted by name ({@code id, label, text} for a file written as {@code id,
 * text, label}); the job restores the order of the first non-blank line's keys, then appends any
 * key that only later lines have, in Spark's order.
 *
 * <p>Reads one line on the driver (one small Spark job over the first partition) and only its key
 * names: values are skipped unread, and a line that is not a JSON object leaves Spark's order
 * unchanged (Spark's own parsing then reports the record as it always does). Never logs or returns
 * text.
 */
final class JsonColumnOrder {
  private static final JsonFactory JSON = new JsonFactory();

  private JsonColumnOrder() {}

  /**
   * @param spark the session that read {@code data}
   * @param input the JSONL path {@code data} was read from (any Spark path)
   * @param data {@code spark.read().json(input)}
   * @return {@code data} with its columns in the file's key order (same rows, same types)
   */
  static Dataset<Row> restore(SparkSession spark, String input, Dataset<Row> data) {
    List<Row> first =
        spark.read().text(input)
            .filter(functions.length(functions.trim(functions.col("value"))).gt(0))
            .limit(1)
            .collectAsList();
    if (first.isEmpty()) {
      return data;
    }
    List<String> order = order(keys(first.get(0).getString(0)), data.columns());
    return data.select(order.stream().map(JsonColumnOrder::column).toArray(Column[]::new));
  }

  private static Column column(String name) {
    // quoted, so that a key with a dot is a column name and not a path into a struct
    return functions.col("`" + name.replace("`", "``") + "`");
  }

  /**
   * @param fileKeys the first record's keys in file order
   * @param sparkColumns the inferred schema's column names
   * @return every inferred column once: those among {@code fileKeys} in file order, then the rest
   *     in Spark's order
   */
  static List<String> order(List<String> fileKeys, String[] sparkColumns) {
    Set<String> columns = new LinkedHashSet<>(List.of(sparkColumns));
    List<String> order = new ArrayList<>();
    for (String key : fileKeys) {
      if (columns.remove(key)) {
        order.add(key);
      }
    }
    order.addAll(columns);
    return order;
  }

  /**
   * @param line one JSONL line
   * @return its top-level keys in order; empty if the line is not a JSON object
   */
  static List<String> keys(String line) {
    List<String> keys = new ArrayList<>();
    try (JsonParser parser = JSON.createParser(line)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return List.of();
      }
      for (JsonToken t = parser.nextToken(); t == JsonToken.FIELD_NAME; t = parser.nextToken()) {
        keys.add(parser.currentName());
        parser.nextToken();
        parser.skipChildren();
      }
    } catch (IOException notAnObject) {
      return List.of();
    }
    return keys;
  }
}
