package io.dxrewrite.cli.io;

import io.dxrewrite.error.InvalidInputException;
import java.util.Arrays;
import java.util.List;

/**
 * Tab-separated values with a header row (IANA text/tab-separated-values: no quoting, fields
 * contain no tabs or line breaks). The column named by {@code --field} is rewritten; the header
 * and every other column are copied unchanged.
 */
final class TsvCodec implements RecordCodec {
  private final String field;
  private final String subjectField;
  private int column = -1;
  private int subjectColumn = -1;
  private int columns;

  TsvCodec(String field, String subjectField) {
    this.field = field;
    this.subjectField = subjectField;
  }

  @Override
  public boolean header(Line line) {
    String content = line.content();
    if (line.number() == 1 && content.startsWith("\uFEFF")) {
      content = content.substring(1); // a UTF-8 byte-order mark, copied through with the header
    }
    List<String> names = Arrays.asList(content.split("\t", -1));
    column = names.indexOf(field);
    columns = names.size();
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
