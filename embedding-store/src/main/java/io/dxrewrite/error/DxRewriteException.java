package io.dxrewrite.error;

/**
 * Root of dx-rewrite's exception hierarchy.
 *
 * <p>Messages say what was wrong and what is allowed. They never contain raw input text: a record
 * is named by its position (line or record number), never by its content.
 */
public class DxRewriteException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message what was wrong and what is allowed; must not contain raw input text
   */
  public DxRewriteException(String message) {
    super(message);
  }

  /**
   * @param message what was wrong and what is allowed; must not contain raw input text
   * @param cause the underlying failure
   */
  public DxRewriteException(String message, Throwable cause) {
    super(message, cause);
  }
}
