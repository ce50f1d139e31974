/**
 * Apache Spark integration: {@link io.dxrewrite.spark.DxRewrite} rewrites a text column of a
 * Dataset and appends a privacy-report column; one Rewriter per executor JVM over a memory-mapped store;
 * the {@code spark-submit} job {@link io.dxrewrite.spark.RewriteJob}.
 */
package io.dxrewrite.spark;
