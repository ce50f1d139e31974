/**
 * Record input and output of {@code dx-rewrite rewrite}: strict UTF-8 line reading that keeps each
 * line's terminator, the record formats (plain text, JSON Lines, TSV) that rewrite one field in place
 * and copy everything else byte for byte, and an output file that appears under its final name only on
 * success.
 */
package io.dxrewrite.cli.io;
