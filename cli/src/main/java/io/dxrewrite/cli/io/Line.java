package io.dxrewrite.cli.io;

/**
 * One input line.
 *
 * @param content the line without its terminator
 * @param terminator "\n", "\r\n" or "" (last line without a newline), written back unchanged
 * @param number 1-based line number, used in error messages instead of the content
 */
public record Line(String content, String terminator, long number) {}
