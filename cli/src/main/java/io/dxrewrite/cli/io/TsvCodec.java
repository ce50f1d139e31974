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
  private final String subjectField;
  private final boolean hasHeader;
  private int column = -1;
  private int subjectColumn = -1;
  private int columns;

  TsvCodec(String field) {
    this(field, null, true);
  }

  /**
   * @param field the column name (with a header) or 1-based column number (without)
   * @param subjectField the column name (with a header) or 1-based column number (without) of
   *     each record's data-subject key, or null for none
   * @param hasHeader whether line 1 is a header
   */
  TsvCodec(String field, String subjectField, boolean hasHeader) {
    this.field = field;
    this.subjectField = subjectField;
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
      column = columnNumber(field, "--field") - 1;
      if (column >= columns) {
        throw new InvalidInputException(
            "--field " + field + ": line 1 has only " + columns + " columns");
      }
      if (subjectField != null) {
        subjectColumn = columnNumber(subjectField, "--subject-field") - 1;
        if (subjectColumn >= columns || subjectColumn == column) {
          throw new InvalidInputException(
              "--subject-field " + subjectField + ": line 1 has " + columns
                  + " columns, and the subject column must differ from --field");
        }
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
    if (subjectField != null) {
      subjectColumn = names.indexOf(subjectField);
      if (subjectColumn < 0 || names.lastIndexOf(subjectField) != subjectColumn) {
        throw new InvalidInputException(
            "TSV header must name the --subject-field column '" + subjectField + "' exactly once");
      }
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

  private static int columnNumber(String value, String option) {
    try {
      int n = Integer.parseInt(value.strip());
      if (n >= 1) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new io.dxrewrite.error.InvalidParameterException(
        "with --header no, " + option + " must be the 1-based number of the column"
            + (option.equals("--field") ? " to rewrite" : " holding the subject") + ", got '"
            + value + "'");
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
    if (subjectColumn >= 0 && cells[subjectColumn].isEmpty()) {
      throw new InvalidInputException(
          "line " + line.number() + ": subject column '" + subjectField
              + "' is empty (every record needs its subject with --subject-field)");
    }
    return new Record() {
      @Override
      public String text() {
        return cells[column];
      }

      @Override
      public String subject() {
        return subjectColumn < 0 ? null : cells[subjectColumn];
      }

      @Override
      public String render(String rewritten) {
        cells[column] = rewritten;
        return String.join("\t", cells);
      }
    };
  }
}
