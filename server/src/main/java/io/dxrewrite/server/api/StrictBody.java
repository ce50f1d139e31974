package io.dxrewrite.server.api;

import io.dxrewrite.json.JsonViolation;
import io.dxrewrite.json.StrictJson;
import io.vertx.core.buffer.Buffer;
import java.util.Optional;

/**
 * Applies {@link StrictJson}'s rules (the CLI's JSONL reader applies the same) to a request body
 * or stream line before Vert.x parses it. Vert.x's parser keeps the last value of a repeated
 * name, so {@code {"epsilon": 10, "epsilon": 1000}} would be served at 1000 while a gateway that
 * reads the first value approves 10, and {@code {"text": "a", "text": "b"}} would drop one text
 * silently; and it accepts nesting far deeper than any request needs.
 */
final class StrictBody {
  private StrictBody() {}

  /**
   * @param json a request body or stream line, possibly not JSON at all
   * @param where how the message names the input ("the request body", "line 3")
   * @throws ApiException 400 {@code invalid_request} if an object at any depth repeats a field
   *     name; 400 {@code malformed_json} if it nests deeper than {@link
   *     StrictJson#MAX_NESTING_DEPTH}; other malformed JSON passes here and is reported by the
   *     regular parser
   */
  static void check(Buffer json, String where) {
    Optional<JsonViolation> violation = StrictJson.check(json.getBytes());
    if (violation.isEmpty()) {
      return;
    }
    switch (violation.get().problem()) {
      case REPEATED_NAME -> throw new ApiException(
          400, "invalid_request", where + " repeats a field name in one JSON object");
      case TOO_DEEP -> throw Errors.malformed();
      default -> {
        // not JSON, or over a length limit: left to the regular parser's error
      }
    }
  }
}
