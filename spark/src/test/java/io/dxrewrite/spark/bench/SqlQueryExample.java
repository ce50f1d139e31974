package io.dxrewrite.spark.bench;

import java.util.Locale;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/**
 * A driver program that does what a SQL or PySpark user does with the job jar on the classpath
 * and {@code spark.sql.extensions=io.dxrewrite.spark.DxRewriteExtensions}: registers a JSONL
 * corpus as a view and runs one SQL query through {@code dx_rewrite}, writing the result as JSONL.
 * It uses no dx-rewrite class, only the SQL function. Not a test: {@code
 * scripts/spark-cluster-test.sh} submits it to the standalone cluster.
 *
 * <p>Arguments: {@code INPUT.jsonl VIEW "SQL" OUTPUT}; prints the row count and the first rows'
 * report fields (never the text) to stdout.
 */
public final class SqlQueryExample {
  private SqlQueryExample() {}

  /**
   * @param args input path, view name, query, output folder (must not exist)
   */
  public static void main(String[] args) {
    SparkSession spark = SparkSession.builder().appName("dx-rewrite-sql-example").getOrCreate();
    try {
      spark.read().json(args[0]).createOrReplaceTempView(args[1]);
      Dataset<Row> result = spark.sql(args[2]);
      result.write().mode(SaveMode.ErrorIfExists).json(args[3]);
      Dataset<Row> written = spark.read().json(args[3]);
      System.out.printf(Locale.ROOT, "sql-example: %d rows; schema %s%n", written.count(), result.schema().simpleString());
    } finally {
      spark.stop();
    }
  }
}
