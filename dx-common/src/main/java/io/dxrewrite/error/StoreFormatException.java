package io.dxrewrite.error;

import java.nio.file.Path;

/**
 * An embedding store, or an embedding file being imported, is truncated, corrupted, of an unknown
 * format version or otherwise unreadable. The message names the file and what is wrong with it.
 */
public class StoreFormatException extends InvalidInputException {
  private static final long serialVersionUID = 1L;

  /**
   * @param file the offending file
   * @param problem what is wrong with it, e.g. "checksum mismatch"
   */
  public StoreFormatException(Path file, String problem) {
    super(file + ": " + problem);
  }

  /**
   * @param file the offending file
   * @param problem what is wrong with it
   * @param cause the underlying failure
   */
  public StoreFormatException(Path file, String problem, Throwable cause) {
    super(file + ": " + problem, cause);
  }
}
