package io.dxrewrite.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.dxrewrite.rewrite.RewriteOptions;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.TaskContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A real task failure and retry in Spark: local[2,2] runs 2 threads and retries a task once. */
class TaskRetryTest {
  private static final AtomicInteger SIMULATED_FAILURES = new AtomicInteger();
  private static SparkSession spark;

  @BeforeAll
  static void start() {
    spark = LocalSpark.start("local[2,2]");
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  /** Fails partition 1's first attempt after it has rewritten (and consumed) some rows. */
  private static Iterator<Row> failFirstAttempt(Iterator<Row> rows) {
    TaskContext task = TaskContext.get();
    if (task.partitionId() == 1 && task.attemptNumber() == 0) {
      for (int i = 0; i < 5 && rows.hasNext(); i++) {
        rows.next();
      }
      SIMULATED_FAILURES.incrementAndGet();
      throw new IllegalStateException("simulated executor failure");
    }
    return rows;
  }

  @Test
  void aRetriedTaskReproducesTheFirstAttemptsNoise() {
    Dataset<Row> in = spark.read().json(LocalSpark.EXAMPLES.toString());
    RewriteOptions seeded = RewriteOptions.builder().epsilon(10).seed(2024).build();
    Dataset<Row> rewritten = DxRewrite.rewrite(in, "text", seeded);

    List<Row> clean = rewritten.collectAsList();
    List<Row> retried = rewritten.javaRDD().mapPartitions(TaskRetryTest::failFirstAttempt).collect();

    assertThat(SIMULATED_FAILURES.get()).as("partition 1 failed once and was retried").isEqualTo(1);
    assertThat(retried).hasSize(1000).isEqualTo(clean);
  }
}
