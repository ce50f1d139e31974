package io.dxrewrite.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.Test;

/** The API refuses exactly what the CLI's JSONL reader refuses (both read through StrictJson). */
class StrictBodyTest {
  private static final String SECRET = "PIN4711";

  private static String nested(int levels) {
    return "{\"text\":\"a\",\"x\":" + "[".repeat(levels - 1) + "1" + "]".repeat(levels - 1) + "}";
  }

  @Test
  void aNameRepeatedInsideANestedObjectIsAnInvalidRequestThatQuotesNothing() {
    Buffer body = Buffer.buffer("{\"text\":\"a\",\"x\":[{\"" + SECRET + "\":1,\"" + SECRET
        + "\":\"" + SECRET + "\"}]}");
    ApiException e =
        catchThrowableOfType(ApiException.class, () -> StrictBody.check(body, "line 3"));
    assertThat(e.status()).isEqualTo(400);
    assertThat(e.code()).isEqualTo("invalid_request");
    assertThat(e.getMessage()).isEqualTo("line 3 repeats a field name in one JSON object");
    assertThat(e.toJson().encode()).doesNotContain(SECRET);
  }

  @Test
  void theCliDepthLimitIsTheApiDepthLimit() {
    assertThatCode(() -> StrictBody.check(Buffer.buffer(nested(100)), "the request body"))
        .doesNotThrowAnyException();
    ApiException e = catchThrowableOfType(ApiException.class,
        () -> StrictBody.check(Buffer.buffer(nested(101)), "the request body"));
    assertThat(e.status()).isEqualTo(400);
    assertThat(e.code()).isEqualTo("malformed_json");
    assertThat(e.getMessage()).contains("nested deeper than 100 levels");
  }

  @Test
  void otherMalformedJsonIsLeftToTheRegularParser() {
    assertThatCode(() -> StrictBody.check(Buffer.buffer("{\"text\":" + SECRET + "}"), "line 1"))
        .doesNotThrowAnyException();
  }
}
