package io.dxrewrite.spark;

import io.dxrewrite.rewrite.PrivacyReport;
import java.io.Serializable;
import org.apache.spark.SparkContext;
import org.apache.spark.util.LongAccumulator;

/**
 * Job-wide counters, summed over tasks with Spark accumulators: records, words and words
 * perturbed. Counts only, never text. As with every accumulator updated in a transformation, a
 * retried task may count its records twice; the output itself is not affected.
 *
 * @param records records rewritten
 * @param words word tokens seen
 * @param wordsPerturbed words passed through the mechanism
 */
public record RewriteMetrics(
    LongAccumulator records, LongAccumulator words, LongAccumulator wordsPerturbed)
    implements Serializable {

  /**
   * @param context the job's Spark context
   * @return zeroed counters registered with the context (named, so the Spark UI shows them)
   */
  public static RewriteMetrics register(SparkContext context) {
    return new RewriteMetrics(
        context.longAccumulator("dx-rewrite records"),
        context.longAccumulator("dx-rewrite words"),
        context.longAccumulator("dx-rewrite words perturbed"));
  }

  void add(PrivacyReport report) {
    records.add(1);
    words.add(report.words());
    wordsPerturbed.add(report.wordsPerturbed());
  }
}
