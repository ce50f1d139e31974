package io.dxrewrite.spark;

import io.dxrewrite.embeddings.OutputVocabulary;
import io.dxrewrite.error.InvalidInputException;
import io.dxrewrite.nn.IndexKind;
import io.dxrewrite.rewrite.RewriteOptions;
import io.dxrewrite.rewrite.RewriteResult;
import io.dxrewrite.text.UnpairedSurrogates;
import java.io.Serializable;
import org.apache.spark.sql.RowFactory;
import scala.runtime.AbstractFunction1;

/**
 * The executor side of {@code dx_rewrite}: rewrites one text with this executor's shared {@link
 * io.dxrewrite.rewrite.Rewriter} ({@link ExecutorRewriters}, one memory-mapped store per executor
 * JVM). Serialised into every task; holds the store's location and the options, never text, the
 * store or the index.
 *
 * <p>Input: a {@code String} or {@code null}. Output: {@code null} for a null text; otherwise the
 * rewritten text ({@code dx_rewrite_text}) or a row of {@link SqlRewriteBuilder#RESULT_TYPE}.
 * Noise is {@code SecureRandom}-keyed for every call. Throws {@link InvalidInputException} for a
 * text with unpaired UTF-16 surrogates (the message gives the position, not the text).
 */
final class SqlRewriteUdf extends AbstractFunction1<Object, Object> implements Serializable {
  private static final long serialVersionUID = 1L;

  private final StoreLocation store;
  private final PortableOptions options;
  private final IndexKind index;
  private final OutputVocabulary outputs;
  private final boolean textOnly;
  private transient RewriteOptions rewriteOptions;

  SqlRewriteUdf(
      StoreLocation store, PortableOptions options, IndexKind index, OutputVocabulary outputs, boolean textOnly) {
    this.store = store;
    this.options = options;
    this.index = index;
    this.outputs = outputs;
    this.textOnly = textOnly;
  }

  @Override
  public Object apply(Object text) {
    if (text == null) {
      return null;
    }
    String input = text.toString();
    if (UnpairedSurrogates.firstIn(input) >= 0) {
      throw new InvalidInputException("dx_rewrite: the text argument " + UnpairedSurrogates.describe(input));
    }
    if (rewriteOptions == null) {
      rewriteOptions = options.toOptions();
    }
    RewriteResult result = ExecutorRewriters.get(store, index, outputs).rewrite(input, rewriteOptions);
    if (textOnly) {
      return result.text();
    }
    return RowFactory.create(result.text(), ReportColumn.toRow(result.report()));
  }
}
