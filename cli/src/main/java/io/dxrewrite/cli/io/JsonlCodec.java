package io.dxrewrite.cli.io;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dxrewrite.error.InvalidInputException;
import io.dxrewrite.json.StrictJson;
import io.dxrewrite.text.UnpairedSurrogates;
import java.io.IOException;

/**
 * JSON Lines: each non-blank line is one object. The named top-level field must be a string and is
 * rewritten in place: the line is written back byte for byte except for that string's value, so
 * every other field (labels, ids, nested objects, number formats such as {@code 1.50}, {@code 1e3}
 * or {@code -0.0}, whitespace and field order) is kept exactly. A line must hold exactly one JSON
 * object that keeps {@link StrictJson}'s rules: no field name repeated at any level (a repeated
 * name would leave one of its values unprotected or ambiguous), nested at most {@value
 * StrictJson#MAX_NESTING_DEPTH} levels deep. A blank line is copied through and
 * is no record. A UTF-8 byte-order mark before the first line is kept. A field whose string holds
 * an unpaired surrogate escape ({@code "\ud800"}) is refused ({@link UnpairedSurrogates}).
 */
final class JsonlCodec implements RecordCodec {
  private static final ObjectMapper QUOTER = new ObjectMapper();
  private static final String BOM = "\uFEFF";

  private final String field;
  private final String subjectField;

  JsonlCodec(String field, String subjectField) {
    this.field = field;
    this.subjectField = subjectField;
  }

  @Override
  public Record parse(Line line) {
    String content = line.content();
    int offset = line.number() == 1 && content.startsWith(BOM) ? 1 : 0;
    if (content.isBlank() || content.substring(offset).isBlank()) {
      return null;
    }
    int start = -1;
    int end = -1;
    String text = null;
    String subject = null;
    String json = content.substring(offset);
    try (JsonParser parser = StrictJson.factory().createParser(json)) {
      try {
        if (parser.nextToken() != JsonToken.START_OBJECT) {
          throw new InvalidInputException("line " + line.number() + ": expected a JSON object");
        }
        JsonToken token;
        while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
          boolean selected = field.equals(parser.currentName());
          boolean isSubject = subjectField != null && subjectField.equals(parser.currentName());
          JsonToken value = parser.nextToken();
          if (isSubject) {
            if (value != JsonToken.VALUE_STRING && value != JsonToken.VALUE_NUMBER_INT) {
              throw new InvalidInputException(
                  "line " + line.number() + ": subject field '" + subjectField
                      + "' is not a string or an integer");
            }
            subject = parser.getText();
            continue;
          }
          if (!selected) {
            parser.skipChildren();
            continue;
          }
          if (value != JsonToken.VALUE_STRING) {
            throw new InvalidInputException(
                "line " + line.number() + ": field '" + field + "' is not a string");
          }
          start = offset + (int) parser.currentTokenLocation().getCharOffset();
          text = parser.getText();
          end = offset + (int) parser.currentLocation().getCharOffset();
        }
        if (token != JsonToken.END_OBJECT || parser.nextToken() != null) {
          throw new InvalidInputException(
              "line " + line.number() + ": malformed JSON (one object per line expected)");
        }
      } catch (JsonProcessingException e) {
        // Jackson's messages quote the input: only the kind of violation and its place are reported
        throw new InvalidInputException("line " + line.number() + ": "
            + StrictJson.classify(e, parser, json).shifted(offset).describe());
      }
    } catch (IOException e) {
      throw new InvalidInputException("line " + line.number() + ": malformed JSON");
    }
    if (text == null) {
      throw new InvalidInputException(
          "line " + line.number() + ": field '" + field + "' is missing (choose it with --field)");
    }
    if (subjectField != null && (subject == null || subject.isEmpty())) {
      throw new InvalidInputException(
          "line " + line.number() + ": subject field '" + subjectField
              + "' is missing or empty (every record needs its subject with --subject-field)");
    }
    if (UnpairedSurrogates.firstIn(text) >= 0) {
      throw new InvalidInputException(
          "line " + line.number() + ": field '" + field + "' " + UnpairedSurrogates.describe(text));
    }
    String original = text;
    String subjectKey = subject;
    int from = start;
    int to = end;
    return new Record() {
      @Override
      public String text() {
        return original;
      }

      @Override
      public String subject() {
        return subjectKey;
      }

      @Override
      public String render(String rewritten) {
        try {
          return content.substring(0, from) + QUOTER.writeValueAsString(rewritten)
              + content.substring(to);
        } catch (JsonProcessingException e) {
          throw new IllegalStateException("cannot encode the rewritten text of line " + line.number(), e);
        }
      }
    };
  }
}
