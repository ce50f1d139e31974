package io.dxrewrite.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.dxrewrite.error.DxRewriteException;
import io.dxrewrite.error.ErrorKind;
import io.dxrewrite.error.InvalidInputException;
import io.dxrewrite.error.InvalidParameterException;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.openapi.contract.OpenAPIContract;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ErrorsTest {
  @Test
  void theKnownRequestFieldsAreThoseOfTheContract() throws Exception {
    Vertx vertx = Vertx.vertx();
    try {
      OpenAPIContract contract = ApiRouter.contract(vertx).await(30, TimeUnit.SECONDS);
      JsonObject properties = contract.getRawContract().getJsonObject("components")
          .getJsonObject("schemas").getJsonObject("RewriteRequest").getJsonObject("properties");
      assertThat(Errors.REQUEST_FIELDS).containsExactlyInAnyOrderElementsOf(properties.fieldNames());
    } finally {
      vertx.close().await(30, TimeUnit.SECONDS);
    }
  }

  @Test
  void aBodyOverTheLimitIsToldTheLimitInBytes() {
    ApiException e = Errors.toApiException(null, 413, 2048);
    assertThat(e.status()).isEqualTo(413);
    assertThat(e.code()).isEqualTo("body_too_large");
    assertThat(e.getMessage()).isEqualTo("the request body is larger than the limit of 2048 bytes");
  }

  @Test
  void eachErrorKindIsAnsweredWithItsHttpStatus() {
    for (ErrorKind kind : ErrorKind.values()) {
      ApiException e = Errors.toApiException(
          new java.util.concurrent.CompletionException(new DxRewriteException(kind, "x")), -1);
      assertThat(e.status()).as(kind.name()).isEqualTo(kind.httpStatus());
    }
    assertThat(Errors.toApiException(new InvalidParameterException("epsilon must be > 0"), -1))
        .satisfies(e -> assertThat(e.status()).isEqualTo(422))
        .satisfies(e -> assertThat(e.code()).isEqualTo("invalid_parameter"))
        .satisfies(e -> assertThat(e.getMessage()).isEqualTo("epsilon must be > 0"));
    assertThat(Errors.toApiException(new InvalidInputException("record 2: bad"), -1).code())
        .isEqualTo("invalid_input");
  }

  @Test
  void aFailureOfTheServersMachineIs503AndDoesNotTellTheClientItsPaths() {
    ApiException e = Errors.toApiException(new DxRewriteException(ErrorKind.ENVIRONMENT,
        "cannot write ledger /srv/dx/ledger.db (MVStoreException)"), -1);
    assertThat(e.status()).isEqualTo(503);
    assertThat(e.code()).isEqualTo("unavailable");
    assertThat(e.getMessage()).doesNotContain("/srv/dx").doesNotContain("MVStore");
    ApiException io = Errors.toApiException(
        new java.io.UncheckedIOException(new java.io.IOException("Input/output error")), -1);
    assertThat(io.status()).isEqualTo(503);
    assertThat(Errors.toApiException(new IllegalStateException("bug"), -1).status()).isEqualTo(500);
  }
}
