package io.dxrewrite.server.api;

import io.vertx.core.json.JsonObject;

/**
 * An error answered as {@code {"error": {"code": ..., "message": ...}}} with an HTTP status. The
 * message must never quote request text: it names fields and limits only.
 */
public final class ApiException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String code;
  private final transient JsonObject details;
  private final Integer retryAfterSeconds;

  /**
   * @param status HTTP status
   * @param code stable machine-readable code, e.g. {@code invalid_parameter}
   * @param message what was wrong and what is allowed; never request text
   */
  public ApiException(int status, String code, String message) {
    this(status, code, message, new JsonObject(), null);
  }

  /**
   * @param status HTTP status
   * @param code stable machine-readable code
   * @param message what was wrong and what is allowed; never request text
   * @param details extra fields of the error object (e.g. {@code remaining_epsilon})
   * @param retryAfterSeconds value of the {@code Retry-After} header, or null for none
   */
  public ApiException(
      int status, String code, String message, JsonObject details, Integer retryAfterSeconds) {
    super(message, null, false, false);
    this.status = status;
    this.code = code;
    this.details = details;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  /**
   * @return the HTTP status
   */
  public int status() {
    return status;
  }

  /**
   * @return the error code
   */
  public String code() {
    return code;
  }

  /**
   * @return the {@code Retry-After} seconds, or null
   */
  public Integer retryAfterSeconds() {
    return retryAfterSeconds;
  }

  /**
   * @return the error object {@code {"code", "message", ...details}}
   */
  public JsonObject toErrorObject() {
    return new JsonObject().put("code", code).put("message", getMessage()).mergeIn(details);
  }

  /**
   * @return the response body {@code {"error": {...}}}
   */
  public JsonObject toJson() {
    return new JsonObject().put("error", toErrorObject());
  }
}
