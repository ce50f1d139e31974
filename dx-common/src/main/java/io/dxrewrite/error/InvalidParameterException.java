package io.dxrewrite.error;

/**
 * A parameter (epsilon, a mechanism name, a batch size, ...) is outside its allowed range. The
 * message names the parameter, the offending value and the allowed range. Thrown by {@link
 * DxPreconditions}. Kind {@link ErrorKind#USAGE}.
 */
public class InvalidParameterException extends DxRewriteException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message names the parameter, its value and the allowed range
   */
  public InvalidParameterException(String message) {
    super(ErrorKind.USAGE, message);
  }
}
