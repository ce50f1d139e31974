package io.dxrewrite.cli.io;

import io.dxrewrite.error.InvalidInputException;
import java.util.Arrays;
import java.util.List;

/**
 * Tab-separated values (IANA text/tab-separated-values: no quoting, fields contain no tabs or line
 * breaks). The chosen column is rewritten; every other column is copied unchanged.
 *
 * <p>With a header ({@code --header yes}, the default) line 1 names the columns, {@code --field}
 * names the column to rewrite, and the header is copied unchanged. A first line that is not a
 * header is refused rather than taken for one (which would leave that record unrewritten): every
 * header cell must be a name, i.e. not empty or blank and not a number ({@link #looksLikeNumber}:
 * an optionally signed decimal with optional fraction and exponent, such as {@code 1}, {@code
 * -0.5}, {@code 1e3}). Without a header ({@code --header no}) every line is a record and {@code
 * --field} is the 1-based column number; line 1 fixes the number of columns.
 */
final class TsvCodec implements RecordCodec {
  private static final java.util.regex.Pattern NUMBER =
      java.util.regex.Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

  private final String field;
  private final boolean hasHeader;
  private int column = -1;
  private int columns;

  TsvCodec(String field) {
    this(field, true);
  }

  /**
   * @param field the column name (with a header) or 1-based column number (without)
   * @param hasHeader whether line 1 is a header
   */
  TsvCodec(String field, boolean hasHeader) {
    this.field = field;
    this.hasHeader = hasHeader;
  }

  /**
   * @param cell a header cell
   * @return whether it reads as a number, which a column name must not
   */
  static boolean looksLikeNumber(String cell) {
    return NUMBER.matcher(cell.strip()).matches();
  }

  @Override
  public boolean header(Line line) {
    String content = line.content();
    if (line.number() == 1 && content.startsWith("\uFEFF")) {
      content = content.substring(1); // a UTF-8 byte-order mark, copied through with the header
    }
    List<String> names = Arrays.asList(content.split("\t", -1));
    columns = names.size();
    if (!hasHeader) {
      column = columnNumber() - 1;
      if (column >= columns) {
        throw new InvalidInputException(
            "--field " + field + ": line 1 has only " + columns + " columns");
      }
      return false;
    }
    for (int i = 0; i < names.size(); i++) {
      String cell = names.get(i);
      if (cell.isBlank() || looksLikeNumber(cell)) {
        // the cell is not quoted: it may be data
        throw new InvalidInputException(
            "line 1 is not a TSV header: column " + (i + 1) + " is "
                + (cell.isBlank() ? "empty" : "a number")
                + ", and a header names every column; for a file without a header use --header no"
                + " --field N (the 1-based column to rewrite)");
      }
    }
    column = names.indexOf(field);
    if (column < 0) {
      throw new InvalidInputException(
          "TSV header has no column '" + field + "' (choose it with --field; the first line must"
              + " be a header of column names)");
    }
    int last = names.lastIndexOf(field);
    if (last != column) {
      // rewriting only one of them would pass the other through unprotected
      throw new InvalidInputException(
          "TSV header names column '" + field + "' more than once (columns " + (column + 1)
              + " and " + (last + 1) + ")");
    }
    return true;
  }

  private int columnNumber() {
    try {
      int n = Integer.parseInt(field.strip());
      if (n >= 1) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new io.dxrewrite.error.InvalidParameterException(
        "with --header no, --field must be the 1-based number of the column to rewrite, got '"
            + field + "'");
  }

  @Override
  public String headerNote() {
    return "TSV: line 1 is the header (copied unchanged); rewriting column " + (column + 1)
        + " of " + columns + " ('" + field + "')";
  }

  @Override
  public Record parse(Line line) {
    if (line.content().isEmpty()) {
      return null;
    }
    String[] cells = line.content().split("\t", -1);
    if (cells.length != columns) {
      throw new InvalidInputException(
          "line " + line.number() + ": " + cells.length + " columns, the header has " + columns);
    }
    return new Record() {
      @Override
      public String text() {
        return cells[column];
      }

      @Override
      public String render(String rewritten) {
        cells[column] = rewritten;
        return String.join("\t", cells);
      }
    };
  }
}
