package io.dxrewrite.nlu.data;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dxrewrite.error.DxRewriteException;
import io.dxrewrite.error.ErrorKind;
import io.dxrewrite.error.InvalidInputException;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads labelled JSONL or TSV files: a text field, a label field (string or number) and an
 * optional split field ("train" or "test"; records without one are {@link Split#TRAIN}). Blank
 * lines are skipped. Errors name the file and line, never the record's text.
 */
public final class LabelledFileReader {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String textField;
  private final String labelField;
  private final String splitField;

  /**
   * @param textField name of the text field or column
   * @param labelField name of the label field or column
   * @param splitField name of the optional split field or column
   */
  public LabelledFileReader(String textField, String labelField, String splitField) {
    this.textField = textField;
    this.labelField = labelField;
    this.splitField = splitField;
  }

  /** @return a reader for the fields {@code text}, {@code label}, {@code split} */
  public static LabelledFileReader defaults() {
    return new LabelledFileReader("text", "label", "split");
  }

  /**
   * @param file a .jsonl or .tsv file (format chosen by {@link LabelledFormat#fromFileName})
   * @return its records in file order
   * @throws InvalidInputException if the file is missing, a line is malformed, or a field is
   *     absent
   */
  public List<LabelledExample> read(Path file) {
    LabelledFormat format = LabelledFormat.fromFileName(file);
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return format == LabelledFormat.TSV ? readTsv(in, file) : readJsonl(in, file);
    } catch (NoSuchFileException e) {
      throw new InvalidInputException("no such file: " + file);
    } catch (IOException e) {
      throw new DxRewriteException(
          ErrorKind.ENVIRONMENT, "cannot read " + file + ": " + e.getClass().getSimpleName(), e);
    }
  }

  private List<LabelledExample> readJsonl(BufferedReader in, Path file) throws IOException {
    List<LabelledExample> out = new ArrayList<>();
    String line;
    long n = 0;
    while ((line = in.readLine()) != null) {
      n++;
      if (line.isBlank()) {
        continue;
      }
      JsonNode node;
      try {
        node = JSON.readTree(line);
      } catch (JsonProcessingException e) {
        throw new InvalidInputException(file + " line " + n + ": not valid JSON");
      }
      if (node == null || !node.isObject()) {
        throw new InvalidInputException(file + " line " + n + ": not a JSON object");
      }
      String text = field(node, textField, file, n);
      String label = field(node, labelField, file, n);
      JsonNode split = node.get(splitField);
      out.add(new LabelledExample(
          text, label, split == null || split.isNull() ? Split.TRAIN : Split.parse(split.asText(), n)));
    }
    return out;
  }

  private static String field(JsonNode node, String name, Path file, long line) {
    JsonNode value = node.get(name);
    if (value == null || value.isNull() || value.isContainerNode()) {
      throw new InvalidInputException(
          file + " line " + line + ": missing or non-scalar field '" + name + "'");
    }
    return value.asText();
  }

  private List<LabelledExample> readTsv(BufferedReader in, Path file) throws IOException {
    String header = in.readLine();
    if (header == null) {
      return List.of();
    }
    List<String> columns = Arrays.asList(header.split("\t", -1));
    int text = column(columns, textField, file);
    int label = column(columns, labelField, file);
    int split = columns.indexOf(splitField);
    List<LabelledExample> out = new ArrayList<>();
    String line;
    long n = 1;
    while ((line = in.readLine()) != null) {
      n++;
      if (line.isBlank()) {
        continue;
      }
      String[] cells = line.split("\t", -1);
      if (cells.length != columns.size()) {
        throw new InvalidInputException(file + " line " + n + ": expected " + columns.size()
            + " tab-separated columns, found " + cells.length);
      }
      out.add(new LabelledExample(
          cells[text], cells[label], split < 0 ? Split.TRAIN : Split.parse(cells[split], n)));
    }
    return out;
  }

  private static int column(List<String> columns, String name, Path file) {
    int index = columns.indexOf(name);
    if (index < 0) {
      throw new InvalidInputException(
          file + ": the header has no column '" + name + "'; columns: " + String.join(", ", columns));
    }
    return index;
  }
}
