package io.dxrewrite.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.io.IOException;
import java.util.Optional;

/**
 * The one definition of the JSON that dx-rewrite accepts from users, shared by the CLI's JSONL
 * reader and the HTTP API: no object may repeat a field name at any depth (a repeated name would
 * leave one of its values unprotected, or let a gateway that reads the first value approve what the
 * service reads from the last), and objects and arrays nest at most {@value #MAX_NESTING_DEPTH}
 * levels deep.
 *
 * <p>Failures are classified by the parser's state and by the exception type, never by the wording
 * of Jackson's messages (which quote the input and change between versions): a parse that fails
 * under {@link #factory()} but gets past the same place with the repeated-name check off failed on
 * a repeated name; a {@link StreamConstraintsException} raised when the parser stands at the depth
 * limit is over-deep nesting.
 */
public final class StrictJson {
  /** Deepest nesting of objects and arrays accepted, in levels (the top-level value is level 1). */
  public static final int MAX_NESTING_DEPTH = 100;

  private static final JsonFactory STRICT = factory(true);
  /** The same limits without the repeated-name check: classifies a failure of {@link #STRICT}. */
  private static final JsonFactory NAMES_UNCHECKED = factory(false);

  private StrictJson() {}

  private static JsonFactory factory(boolean checkNames) {
    return JsonFactory.builder()
        .streamReadConstraints(
            StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING_DEPTH).build())
        .configure(StreamReadFeature.STRICT_DUPLICATE_DETECTION, checkNames)
        .build();
  }

  /**
   * @return the factory whose parsers enforce these rules while they read (thread-safe, shared);
   *     classify their failures with {@link #classify(JsonProcessingException, JsonParser,
   *     String)}
   */
  public static JsonFactory factory() {
    return STRICT;
  }

  /**
   * Reads a whole JSON text and says whether it is one JSON value that keeps these rules.
   *
   * @param json UTF-8 bytes, possibly not JSON at all
   * @return empty if {@code json} is one JSON value that keeps the rules, else the first violation
   *     (columns count bytes here)
   */
  public static Optional<JsonViolation> check(byte[] json) {
    try (JsonParser parser = STRICT.createParser(json)) {
      try {
        parser.nextToken();
        parser.skipChildren(); // still reads, and checks, every token inside
        if (parser.nextToken() != null) {
          return Optional.of(new JsonViolation(
              JsonViolation.Problem.MALFORMED, parser.currentTokenLocation().getColumnNr()));
        }
        return Optional.empty();
      } catch (JsonProcessingException e) {
        return Optional.of(classify(e, parser, () -> NAMES_UNCHECKED.createParser(json)));
      }
    } catch (IOException e) {
      return Optional.of(new JsonViolation(JsonViolation.Problem.MALFORMED, 1));
    }
  }

  /**
   * Classifies a failure of a parser made by {@link #factory()}.
   *
   * @param failure what the parser threw
   * @param parser the parser that threw it, still open
   * @param json the whole text that parser was reading
   * @return the violation, at the parser's location (columns count characters of {@code json})
   */
  public static JsonViolation classify(
      JsonProcessingException failure, JsonParser parser, String json) {
    return classify(failure, parser, () -> NAMES_UNCHECKED.createParser(json));
  }

  private interface ParserSource {
    JsonParser open() throws IOException;
  }

  private static JsonViolation classify(
      JsonProcessingException failure, JsonParser parser, ParserSource reread) {
    JsonLocation at = failure.getLocation() != null ? failure.getLocation()
        : parser.currentLocation();
    long column = Math.max(1, at.getColumnNr());
    if (failure instanceof StreamConstraintsException) {
      boolean overDeep = parser.getParsingContext() != null
          && parser.getParsingContext().getNestingDepth() >= MAX_NESTING_DEPTH;
      return new JsonViolation(
          overDeep ? JsonViolation.Problem.TOO_DEEP : JsonViolation.Problem.TOO_LONG, column);
    }
    long failedAt = offset(at);
    try (JsonParser names = reread.open()) {
      readAll(names);
      // only the repeated-name check stopped the strict parser
      return new JsonViolation(JsonViolation.Problem.REPEATED_NAME, column);
    } catch (JsonProcessingException e) {
      boolean later =
          failedAt >= 0 && e.getLocation() != null && offset(e.getLocation()) > failedAt;
      return new JsonViolation(
          later ? JsonViolation.Problem.REPEATED_NAME : JsonViolation.Problem.MALFORMED, column);
    } catch (IOException e) {
      return new JsonViolation(JsonViolation.Problem.MALFORMED, column);
    }
  }

  /** Characters into a text source, bytes into a byte source; -1 if unknown. */
  private static long offset(JsonLocation location) {
    return location.getCharOffset() >= 0 ? location.getCharOffset() : location.getByteOffset();
  }

  private static void readAll(JsonParser parser) throws IOException {
    while (parser.nextToken() != null) {
      // reading every token is the check
    }
  }
}
