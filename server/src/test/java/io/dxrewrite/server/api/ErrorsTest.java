package io.dxrewrite.server.api;

import static org.assertj.core.api.Assertions.assertThat;

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
}
