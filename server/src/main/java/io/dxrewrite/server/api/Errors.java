package io.dxrewrite.server.api;

import io.dxrewrite.error.DxRewriteException;
import io.dxrewrite.error.ErrorKind;
import io.dxrewrite.json.StrictJson;
import io.dxrewrite.server.ledger.BudgetExceededException;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.handler.HttpException;
import io.vertx.json.schema.OutputUnit;
import io.vertx.openapi.validation.SchemaValidationException;
import io.vertx.openapi.validation.ValidatorException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.regex.Pattern;

/**
 * Maps every failure to an {@link ApiException}. Messages of foreign exceptions (JSON parsers,
 * schema validators) may quote the input, so they are never passed on: only field locations,
 * schema keywords and our own parameter messages are.
 */
public final class Errors {
  /** The properties of {@code RewriteRequest} in {@code openapi.yaml} (a test checks both agree). */
  static final List<String> REQUEST_FIELDS = List.of(
      "text", "texts", "mechanism", "epsilon", "target_nw", "lambda", "t", "beta", "seed", "oov",
      "casing", "subject", "subjects", "entities", "marks");

  /**
   * Unknown field names that may be echoed: short plain identifiers. Anything else may be request
   * text and is only called "an unknown field".
   */
  private static final Pattern SAFE_FIELD_NAME = Pattern.compile("[A-Za-z0-9_]{1,64}");

  private static final Pattern KNOWN_LOCATION = Pattern.compile(
      "#?(/(" + String.join("|", REQUEST_FIELDS) + ")(/\\d{1,6})?)?");

  private Errors() {}

  /**
   * For failures that are not an HTTP request's (a stream line's rewrite): as {@link
   * #toApiException(Throwable, int, long)} without a known body limit.
   *
   * @param failure what went wrong (may be null)
   * @param status the status the router recorded, or -1
   * @return the error to answer
   */
  public static ApiException toApiException(Throwable failure, int status) {
    return toApiException(failure, status, -1);
  }

  /**
   * @param failure what went wrong (may be null)
   * @param status the status the router recorded, or -1
   * @param bodyLimitBytes the body limit in bytes, stated in the 413 {@code body_too_large}
   *     message; {@code <= 0} if unknown
   * @return the error to answer
   */
  public static ApiException toApiException(Throwable failure, int status, long bodyLimitBytes) {
    Throwable t = unwrap(failure);
    if (t instanceof HttpException h && h.getCause() != null) {
      return toApiException(h.getCause(), h.getStatusCode(), bodyLimitBytes);
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
    if (t instanceof DxRewriteException dx) {
      return byKind(dx);
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
        case UNSUPPORTED_VALUE_FORMAT -> fromStatus(415, bodyLimitBytes);
        default -> new ApiException(400, "invalid_request",
            "the request does not match the API schema ("
                + v.type().name().toLowerCase(java.util.Locale.ROOT) + ")");
      };
    }
    if (t instanceof HttpException h) {
      return fromStatus(h.getStatusCode(), bodyLimitBytes);
    }
    if (status > 0) {
      return fromStatus(status, bodyLimitBytes);
    }
    return ErrorKind.of(t) == ErrorKind.ENVIRONMENT ? unavailable() : internal();
  }

  /**
   * Our own exceptions, answered with the HTTP status of their {@link ErrorKind}: usage 422 {@code
   * invalid_parameter} and input 422 {@code invalid_input} with their message (which names the
   * parameter or the record's position, never record text); environment 503 {@code unavailable}
   * and internal 500 {@code internal_error} without it (it names server paths and devices, which
   * are the operator's business, not the client's).
   */
  static ApiException byKind(DxRewriteException e) {
    return switch (e.kind()) {
      case USAGE -> new ApiException(e.kind().httpStatus(), "invalid_parameter", e.getMessage());
      case INPUT -> new ApiException(e.kind().httpStatus(), "invalid_input", e.getMessage());
      case ENVIRONMENT -> unavailable();
      case INTERNAL -> internal();
    };
  }

  private static ApiException unavailable() {
    return new ApiException(ErrorKind.ENVIRONMENT.httpStatus(), "unavailable",
        "the server's machine failed the request (not the request's fault); retry later");
  }

  private static ApiException internal() {
    return new ApiException(ErrorKind.INTERNAL.httpStatus(), "internal_error", "internal error");
  }

  /**
   * @return the 400 for a body that is not valid JSON (or not valid UTF-8)
   */
  public static ApiException malformed() {
    return new ApiException(400, "malformed_json",
        "the body is not valid JSON in UTF-8 (or is nested deeper than "
            + StrictJson.MAX_NESTING_DEPTH + " levels)");
  }

  /**
   * @return the 503 for a request that passed its deadline
   */
  public static ApiException deadline() {
    return new ApiException(503, "deadline_exceeded",
        "the request did not finish within the server's deadline; retry later",
        new JsonObject(), 1);
  }

  /**
   * Explains a schema failure of a {@code POST /v1/rewrite} body, in this order: an unknown field
   * (named only if it is a plain identifier, {@link #SAFE_FIELD_NAME}, since a field name can be
   * request text), a known field of the wrong type or value, not exactly one of {@code text} and
   * {@code texts}, else the first failing schema keyword. Never quotes a value from the request.
   */
  static ApiException schema(OutputUnit unit) {
    List<OutputUnit> failures = new ArrayList<>();
    flatten(unit, failures);
    for (OutputUnit f : failures) {
      String field = topLevelField(f.getInstanceLocation());
      if (keyword(f).equals("additionalProperties") && field != null
          && !REQUEST_FIELDS.contains(field)) {
        // The validator also reports a known field that failed its own schema here: skipped.
        return invalidRequest(
            (SAFE_FIELD_NAME.matcher(field).matches() ? "unknown field '" + field + "'"
                : "the request has an unknown field")
                + "; allowed: " + String.join(", ", REQUEST_FIELDS));
      }
    }
    for (OutputUnit f : failures) {
      String keyword = keyword(f);
      String keywordLocation = f.getKeywordLocation() == null ? "" : f.getKeywordLocation();
      if (!keywordLocation.startsWith("#/oneOf") && !keyword.equals("properties")
          && !keyword.equals("additionalProperties") && knownLocation(f) != null) {
        return mismatch(knownLocation(f), keyword);
      }
    }
    for (OutputUnit f : failures) {
      if ("#/oneOf".equals(f.getKeywordLocation())) {
        boolean both = failures.stream().anyMatch(
            g -> "#/oneOf/0/not".equals(g.getKeywordLocation()));
        boolean neither = failures.stream().anyMatch(
            g -> "#/oneOf/0/required".equals(g.getKeywordLocation()))
            && failures.stream().anyMatch(
                g -> "#/oneOf/1/required".equals(g.getKeywordLocation()));
        return invalidRequest("give exactly one of 'text' (a string) or 'texts' (an array of"
            + " strings)" + (both ? "; the request has both" : neither ? "; the request has neither"
                : ""));
      }
    }
    OutputUnit leaf = unit;
    while (leaf.getErrors() != null && !leaf.getErrors().isEmpty()) {
      leaf = leaf.getErrors().get(0);
    }
    String location = knownLocation(leaf);
    return mismatch(location == null ? "/" : location, keyword(leaf));
  }

  private static ApiException mismatch(String location, String keyword) {
    return invalidRequest("the request does not match the API schema at '"
        + (location.isEmpty() ? "/" : location) + "' (" + keyword + ")");
  }

  private static ApiException invalidRequest(String message) {
    return new ApiException(400, "invalid_request", message);
  }

  private static void flatten(OutputUnit unit, List<OutputUnit> out) {
    if (unit.getErrors() == null || unit.getErrors().isEmpty()) {
      out.add(unit);
      return;
    }
    for (OutputUnit e : unit.getErrors()) {
      flatten(e, out);
    }
  }

  /** The schema keyword that failed, e.g. {@code oneOf}, {@code type}. */
  private static String keyword(OutputUnit unit) {
    String k = unit.getKeywordLocation() == null ? "" : unit.getKeywordLocation();
    return k.substring(k.lastIndexOf('/') + 1);
  }

  /** The instance location if it is the body or one of {@link #REQUEST_FIELDS}, else null. */
  private static String knownLocation(OutputUnit unit) {
    String location = unit.getInstanceLocation() == null ? "" : unit.getInstanceLocation();
    return KNOWN_LOCATION.matcher(location).matches() ? location : null;
  }

  /**
   * The top-level property a JSON-pointer instance location points at, still pointer- and
   * URI-encoded (so a name with anything but letters, digits and '_' never matches {@link
   * #SAFE_FIELD_NAME}), or null if it points at the body itself or deeper.
   */
  private static String topLevelField(String location) {
    if (location == null) {
      return null;
    }
    String path = location.startsWith("#") ? location.substring(1) : location;
    if (!path.startsWith("/") || path.indexOf('/', 1) >= 0) {
      return null;
    }
    return path.substring(1);
  }

  /**
   * @param limitBytes the body limit in bytes, or {@code <= 0} if unknown
   * @return the 413 for a request body over the limit
   */
  public static ApiException bodyTooLarge(long limitBytes) {
    return new ApiException(413, "body_too_large", limitBytes > 0
        ? "the request body is larger than the limit of " + limitBytes + " bytes"
        : "the request body is larger than the limit");
  }

  private static ApiException fromStatus(int status, long bodyLimitBytes) {
    return switch (status) {
      case 400 -> malformed();
      case 401 -> new ApiException(401, "unauthorized", "missing or unknown API key");
      case 404 -> new ApiException(404, "not_found", "no such endpoint");
      case 405 -> new ApiException(405, "method_not_allowed", "method not allowed on this endpoint");
      case 413 -> bodyTooLarge(bodyLimitBytes);
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
