/**
 * Progress lines on standard error (redrawn in place on a terminal, one line per interval otherwise)
 * for rewriting, training and long library tasks. They show counts and rates, never record text.
 */
package io.dxrewrite.cli.progress;
