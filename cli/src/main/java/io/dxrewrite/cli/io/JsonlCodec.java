package io.dxrewrite.cli.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dxrewrite.error.InvalidInputException;

/**
 * JSON Lines: each non-blank line is one object. The named field must be a string and is
 * rewritten; every other field (labels, ids, nested objects) is written back with the same
 * values and field order. Numbers keep their value and their digits: decimals are read as big
 * decimals with their scale kept ({@code 1.50} stays {@code 1.50}); an exponent is written in
 * Java's {@link java.math.BigDecimal#toString()} form ({@code 1e3} becomes {@code 1E+3}, the
 * same number).
 */
final class JsonlCodec implements RecordCodec {
  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
          .build();

  static {
    MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(100).build());
  }

  private final String field;

  JsonlCodec(String field) {
    this.field = field;
  }

  @Override
  public Record parse(Line line) {
    if (line.content().isBlank()) {
      return null;
    }
    JsonNode node;
    try {
      node = MAPPER.readTree(line.content());
    } catch (JsonProcessingException e) {
      // Jackson's message quotes the input, so only the location is reported.
      throw new InvalidInputException(
          "line " + line.number() + ": malformed JSON at column "
              + e.getLocation().getColumnNr());
    }
    if (!(node instanceof ObjectNode object)) {
      throw new InvalidInputException("line " + line.number() + ": expected a JSON object");
    }
    JsonNode value = object.get(field);
    if (value == null) {
      throw new InvalidInputException(
          "line " + line.number() + ": field '" + field + "' is missing (choose it with --field)");
    }
    if (!value.isTextual()) {
      throw new InvalidInputException(
          "line " + line.number() + ": field '" + field + "' is not a string");
    }
    String text = value.textValue();
    return new Record() {
      @Override
      public String text() {
        return text;
      }

      @Override
      public String render(String rewritten) {
        object.put(field, rewritten);
        try {
          return MAPPER.writeValueAsString(object);
        } catch (JsonProcessingException e) {
          throw new IllegalStateException("cannot serialise record of line " + line.number(), e);
        }
      }
    };
  }
}
