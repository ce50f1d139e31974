package io.dxrewrite.server.api;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;

/**
 * Refuses JSON whose objects repeat a field name. Vert.x's parser keeps the last value of a
 * repeated name, so {@code {"epsilon": 10, "epsilon": 1000}} would be served at 1000 while a
 * gateway that reads the first value approves 10, and {@code {"text": "a", "text": "b"}} would
 * drop one text silently. The CLI's JSONL reader refuses the same input.
 */
final class RepeatedNames {
  private static final JsonFactory FACTORY =
      JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  private RepeatedNames() {}

  /**
   * @param json a request body or stream line, possibly not JSON at all
   * @param where how the message names the input ("the request body", "line 3")
   * @throws ApiException 400 {@code invalid_request} if an object at any depth repeats a field
   *     name; malformed JSON passes here and is reported by the regular parser
   */
  static void check(Buffer json, String where) {
    try (JsonParser parser = FACTORY.createParser(json.getBytes())) {
      while (parser.nextToken() != null) {
        // reading every token is the check
      }
    } catch (JsonParseException e) {
      String reason = e.getOriginalMessage();
      if (reason != null && reason.startsWith("Duplicate field")) {
        throw new ApiException(
            400, "invalid_request", where + " repeats a field name in one JSON object");
      }
    } catch (IOException e) {
      // not JSON: left to the regular parser's error
    }
  }
}
