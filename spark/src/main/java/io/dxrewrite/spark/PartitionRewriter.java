package io.dxrewrite.spark;

import io.dxrewrite.embeddings.OutputVocabulary;
import io.dxrewrite.error.InvalidInputException;
import io.dxrewrite.text.UnpairedSurrogates;
import io.dxrewrite.nn.IndexKind;
import io.dxrewrite.rewrite.RewriteOptions;
import io.dxrewrite.rewrite.RewriteResult;
import io.dxrewrite.rewrite.Rewriter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import scala.Tuple2;

/**
 * The {@code mapPartitions} function: rewrites one partition's rows in batches of {@code
 * batchSize} records, so that each batch's words go through the nearest-neighbour index together.
 * Rows are pulled lazily, one batch at a time, so a partition never has to fit in memory.
 *
 * <p>Each input element is (row, stable row key). With a seed, record noise derives from (seed,
 * key) through {@link Rewriter#rewriteBatch(List, RewriteOptions, long[])}, so a retried task
 * draws exactly the noise of the first attempt and releases no second sample. Without a seed, keys
 * are ignored and all noise comes from {@code SecureRandom}.
 *
 * <p>Serialised into every task: it holds only the store's location, the options and column
 * positions, never the store or the index ({@link ExecutorRewriters} provides those).
 */
final class PartitionRewriter implements FlatMapFunction<Iterator<Tuple2<Row, Long>>, Row> {
  private static final long serialVersionUID = 1L;

  private final StoreLocation store;
  private final PortableOptions options;
  private final int textIndex;
  private final int batchSize;
  private final RewriteMetrics metrics;
  private final IndexKind index;
  private final OutputVocabulary outputs;

  /**
   * With the default index ({@link IndexKind#AUTO}) and output vocabulary ({@link
   * OutputVocabulary#LETTERS}).
   *
   * @param store where executors find the store
   * @param options the rewrite options
   * @param textIndex position of the text column in the input rows
   * @param batchSize records per index batch, {@code >= 1}
   * @param metrics counters to update, or {@code null}
   */
  PartitionRewriter(
      StoreLocation store, PortableOptions options, int textIndex, int batchSize, RewriteMetrics metrics) {
    this(store, options, textIndex, batchSize, metrics, IndexKind.AUTO, OutputVocabulary.LETTERS);
  }

  /**
   * @param store where executors find the store
   * @param options the rewrite options
   * @param textIndex position of the text column in the input rows
   * @param batchSize records per index batch, {@code >= 1}
   * @param metrics counters to update, or {@code null}
   * @param index the nearest-neighbour kernel executors build
   * @param outputs the public output vocabulary
   */
  PartitionRewriter(
      StoreLocation store, PortableOptions options, int textIndex, int batchSize, RewriteMetrics metrics,
      IndexKind index, OutputVocabulary outputs) {
    this.index = index;
    this.outputs = outputs;
    this.store = store;
    this.options = options;
    this.textIndex = textIndex;
    this.batchSize = batchSize;
    this.metrics = metrics;
  }

  @Override
  public Iterator<Row> call(Iterator<Tuple2<Row, Long>> rows) {
    return new BatchIterator(rows, ExecutorRewriters.get(store, index, outputs), options.toOptions());
  }

  /** Pulls a batch, rewrites it, hands its rows out one by one. */
  private final class BatchIterator implements Iterator<Row> {
    private final Iterator<Tuple2<Row, Long>> input;
    private final Rewriter rewriter;
    private final RewriteOptions rewriteOptions;
    private final ArrayDeque<Row> ready = new ArrayDeque<>();

    BatchIterator(Iterator<Tuple2<Row, Long>> input, Rewriter rewriter, RewriteOptions options) {
      this.input = input;
      this.rewriter = rewriter;
      this.rewriteOptions = options;
    }

    @Override
    public boolean hasNext() {
      if (ready.isEmpty() && input.hasNext()) {
        rewriteNextBatch();
      }
      return !ready.isEmpty();
    }

    @Override
    public Row next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      return ready.poll();
    }

    private void rewriteNextBatch() {
      List<Row> rows = new ArrayList<>(batchSize);
      List<String> texts = new ArrayList<>(batchSize);
      long[] keys = new long[batchSize];
      while (rows.size() < batchSize && input.hasNext()) {
        Tuple2<Row, Long> next = input.next();
        Row row = next._1();
        keys[rows.size()] = next._2();
        rows.add(row);
        // a null text is rewritten as "" (no words, nothing spent) and stays null
        String text = row.isNullAt(textIndex) ? "" : row.getString(textIndex);
        if (UnpairedSurrogates.firstIn(text) >= 0) {
          throw new InvalidInputException(
              "row with key " + next._2() + ": the text column " + UnpairedSurrogates.describe(text));
        }
        texts.add(text);
      }
      long[] used = rows.size() == batchSize ? keys : Arrays.copyOf(keys, rows.size());
      List<RewriteResult> results = rewriter.rewriteBatch(texts, rewriteOptions, used);
      for (int i = 0; i < rows.size(); i++) {
        Row row = rows.get(i);
        RewriteResult result = results.get(i);
        if (metrics != null) {
          metrics.add(result.report());
        }
        Object[] values = new Object[row.length() + 1];
        for (int c = 0; c < row.length(); c++) {
          values[c] = row.get(c);
        }
        values[textIndex] = row.isNullAt(textIndex) ? null : result.text();
        values[row.length()] = ReportColumn.toRow(result.report());
        ready.add(RowFactory.create(values));
      }
    }
  }
}
