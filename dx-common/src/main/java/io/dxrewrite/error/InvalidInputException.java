package io.dxrewrite.error;

/**
 * User-supplied input (a record, a file) cannot be processed ({@link ErrorKind#INPUT}). The
 * message names the record by its position and says what is wrong; it never quotes the record's
 * text.
 */
public class InvalidInputException extends DxRewriteException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message what is wrong, naming the record by position only
   */
  public InvalidInputException(String message) {
    super(ErrorKind.INPUT, message);
  }

  /**
   * @param message what is wrong, naming the record by position only
   * @param cause the underlying failure; its own message must not quote record text either
   */
  public InvalidInputException(String message, Throwable cause) {
    super(ErrorKind.INPUT, message, cause);
  }
}
