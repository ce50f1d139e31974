package io.dxrewrite.error;

import java.util.Objects;

/**
 * Root of dx-rewrite's exception hierarchy. Each exception carries an {@link ErrorKind} that says
 * whose fault it is (usage, input, environment, internal), and so which exit code and HTTP status
 * it gets.
 *
 * <p>Messages say what was wrong and what is allowed. They never contain raw input text: a record
 * is named by its position (line or record number), never by its content.
 */
public class DxRewriteException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final ErrorKind kind;

  /**
   * @param kind whose fault it is
   * @param message what was wrong and what is allowed; must not contain raw input text
   */
  public DxRewriteException(ErrorKind kind, String message) {
    super(message);
    this.kind = Objects.requireNonNull(kind, "kind");
  }

  /**
   * @param kind whose fault it is
   * @param message what was wrong and what is allowed; must not contain raw input text
   * @param cause the underlying failure
   */
  public DxRewriteException(ErrorKind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = Objects.requireNonNull(kind, "kind");
  }

  /**
   * @return whose fault this failure is; decides the exit code and the HTTP status
   */
  public ErrorKind kind() {
    return kind;
  }
}
