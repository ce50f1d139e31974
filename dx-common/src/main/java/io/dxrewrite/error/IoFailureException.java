package io.dxrewrite.error;

/**
 * Reading or writing failed for a reason outside the input's content: a full disk, a closed pipe
 * (the reader of standard output went away), a failing device. Kind {@link
 * ErrorKind#ENVIRONMENT}: entry points exit with its code, not with the bad-input code. The
 * message carries the operating system's reason, which never quotes record text.
 */
public class IoFailureException extends DxRewriteException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message what failed ("cannot read or write: Broken pipe")
   * @param cause the underlying I/O failure
   */
  public IoFailureException(String message, Throwable cause) {
    super(ErrorKind.ENVIRONMENT, message, cause);
  }
}
