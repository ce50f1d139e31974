package io.dxrewrite.server.api;

import io.dxrewrite.error.InvalidInputException;
import io.dxrewrite.error.InvalidParameterException;
import io.dxrewrite.server.ledger.BudgetExceededException;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.handler.HttpException;
import io.vertx.json.schema.OutputUnit;
import io.vertx.openapi.validation.SchemaValidationException;
import io.vertx.openapi.validation.ValidatorException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;

/**
 * Maps every failure to an {@link ApiException}. Messages of foreign exceptions (JSON parsers,
 * schema validators) may quote the input, so they are never passed on: only field locations,
 * schema keywords and our own parameter messages are.
 */
public final class Errors {
  private static final java.util.regex.Pattern KNOWN_LOCATION = java.util.regex.Pattern.compile(
      "#?(/(text|texts|mechanism|epsilon|target_nw|lambda|t|seed|oov)(/\\d{1,6})?)?");

  private Errors() {}

  /**
   * @param failure what went wrong (may be null)
   * @param status the status the router recorded, or -1
   * @return the error to answer
   */
  public static ApiException toApiException(Throwable failure, int status) {
    Throwable t = unwrap(failure);
    if (t instanceof HttpException h && h.getCause() != null) {
      return toApiException(h.getCause(), h.getStatusCode());
    }
    if (t instanceof ApiException api) {
      return api;
    }
    if (t instanceof BudgetExceededException b) {
      return new ApiException(
          429, "budget_exceeded",
          "the request would exceed the tenant's epsilon budget; nothing was rewritten",
          Double.isFinite(b.requested())
              ? new JsonObject()
                  .put("remaining_epsilon", b.remaining())
                  .put("requested_epsilon", b.requested())
              : new JsonObject().put("remaining_epsilon", b.remaining()),
          null);
    }
    if (t instanceof InvalidParameterException) {
      // Our own messages name the parameter and its allowed range, never record text.
      return new ApiException(422, "invalid_parameter", t.getMessage());
    }
    if (t instanceof InvalidInputException) {
      return new ApiException(422, "invalid_input", t.getMessage());
    }
    if (t instanceof CancellationException) {
      return deadline();
    }
    if (t instanceof DecodeException || isJacksonFailure(t)) {
      return malformed();
    }
    if (t instanceof SchemaValidationException s) {
      return schema(s.getOutputUnit());
    }
    if (t instanceof ValidatorException v) {
      if (v.getCause() != null && (v.getCause() instanceof DecodeException
          || isJacksonFailure(v.getCause()))) {
        return malformed();
      }
      return switch (v.type()) {
        case INVALID_VALUE_FORMAT -> malformed();
        case ILLEGAL_VALUE -> v.getMessage() != null && v.getMessage().contains("can't be decoded")
            ? malformed()
            : new ApiException(400, "invalid_request", "the request does not match the API schema");
        case UNSUPPORTED_VALUE_FORMAT -> fromStatus(415);
        default -> new ApiException(400, "invalid_request",
            "the request does not match the API schema ("
                + v.type().name().toLowerCase(java.util.Locale.ROOT) + ")");
      };
    }
    if (t instanceof HttpException h) {
      return fromStatus(h.getStatusCode());
    }
    if (status > 0) {
      return fromStatus(status);
    }
    return new ApiException(500, "internal_error", "internal error");
  }

  /**
   * @return the 400 for a body that is not valid JSON (or not valid UTF-8)
   */
  public static ApiException malformed() {
    return new ApiException(400, "malformed_json",
        "the body is not valid JSON in UTF-8 (or is nested deeper than 1000 levels)");
  }

  /**
   * @return the 503 for a request that passed its deadline
   */
  public static ApiException deadline() {
    return new ApiException(503, "deadline_exceeded",
        "the request did not finish within the server's deadline; retry later",
        new JsonObject(), 1);
  }

  static ApiException schema(OutputUnit unit) {
    OutputUnit leaf = unit;
    while (leaf.getErrors() != null && !leaf.getErrors().isEmpty()) {
      leaf = leaf.getErrors().get(0);
    }
    String location = leaf.getInstanceLocation() == null ? "" : leaf.getInstanceLocation();
    if (!KNOWN_LOCATION.matcher(location).matches()) {
      location = "";  // an unknown property's name is request text: never echo it
    }
    String keyword = leaf.getKeywordLocation() == null ? "" : leaf.getKeywordLocation();
    int slash = keyword.lastIndexOf('/');
    return new ApiException(400, "invalid_request",
        "the request does not match the API schema at '" + (location.isEmpty() ? "/" : location)
            + "' (" + keyword.substring(slash + 1) + ")");
  }

  private static ApiException fromStatus(int status) {
    return switch (status) {
      case 400 -> malformed();
      case 401 -> new ApiException(401, "unauthorized", "missing or unknown API key");
      case 404 -> new ApiException(404, "not_found", "no such endpoint");
      case 405 -> new ApiException(405, "method_not_allowed", "method not allowed on this endpoint");
      case 413 -> new ApiException(413, "body_too_large", "the request body is larger than the limit");
      case 415 -> new ApiException(415, "unsupported_media_type", "send Content-Type: application/json");
      default -> new ApiException(status >= 400 && status < 600 ? status : 500,
          status >= 500 || status < 400 ? "internal_error" : "bad_request", "request failed");
    };
  }

  private static boolean isJacksonFailure(Throwable t) {
    return t instanceof com.fasterxml.jackson.core.JacksonException;
  }

  private static Throwable unwrap(Throwable t) {
    while ((t instanceof CompletionException || t instanceof java.util.concurrent.ExecutionException)
        && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }
}
