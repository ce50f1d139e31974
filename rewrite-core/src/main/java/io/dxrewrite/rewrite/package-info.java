/**
 * The one entry point to rewriting, {@link io.dxrewrite.rewrite.Rewriter}: options, the per-record
 * {@link io.dxrewrite.rewrite.PrivacyReport} (built from counts, never from text), policies for
 * casing and out-of-vocabulary words, skip lists, and the statement of what the guarantee covers
 * shared by every front end.
 */
package io.dxrewrite.rewrite;
