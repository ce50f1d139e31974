package io.dxrewrite.error;

import java.io.IOError;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Whose fault a failure is, and the one place where that decides the command-line exit code and
 * the HTTP status. Every front end (the CLI, the Spark job, the server's start-up and its API)
 * reads both from here.
 *
 * <table>
 *   <caption>Exit codes and HTTP statuses per kind</caption>
 *   <tr><th>kind</th><th>exit code</th><th>HTTP status</th><th>examples</th></tr>
 *   <tr><td>{@link #USAGE}</td><td>2</td><td>422</td><td>an epsilon out of range, an unknown
 *       mechanism, {@code --index gpu} on a machine without a GPU</td></tr>
 *   <tr><td>{@link #INPUT}</td><td>2</td><td>422</td><td>a malformed record, a corrupt store
 *       file, a subject over its budget</td></tr>
 *   <tr><td>{@link #ENVIRONMENT}</td><td>4</td><td>503</td><td>a full disk, a closed pipe, a
 *       CUDA failure in the middle of a run, a ledger that cannot be written</td></tr>
 *   <tr><td>{@link #INTERNAL}</td><td>1</td><td>500</td><td>a bug: any exception that is not
 *       ours and not an I/O failure</td></tr>
 * </table>
 *
 * <p>Exit code 3 is not a failure kind: {@code dx-rewrite audit} exits 3 when it found a
 * violation of a mechanism's claimed bound.
 */
public enum ErrorKind {
  /** The caller asked for something not allowed: a parameter, an option, a combination. */
  USAGE(2, 422),
  /** The caller's data (a record, an input or store file) cannot be processed as given. */
  INPUT(2, 422),
  /**
   * The machine failed the run, not the caller: a read or write failed, a device failed, a file
   * the service keeps (the ledger) cannot be written. Retrying elsewhere or later may succeed.
   */
  ENVIRONMENT(4, 503),
  /** A bug in dx-rewrite. */
  INTERNAL(1, 500);

  /** Exit code for success. */
  public static final int EXIT_OK = 0;

  private final int exitCode;
  private final int httpStatus;

  ErrorKind(int exitCode, int httpStatus) {
    this.exitCode = exitCode;
    this.httpStatus = httpStatus;
  }

  /**
   * @return the process exit code of a command-line run that fails with this kind
   */
  public int exitCode() {
    return exitCode;
  }

  /**
   * @return the HTTP status of an API request that fails with this kind
   */
  public int httpStatus() {
    return httpStatus;
  }

  /**
   * Classifies a failure: the kind of the first {@link DxRewriteException} in its cause chain
   * (outermost first); else {@link #ENVIRONMENT} if the chain holds an {@link IOException}, an
   * {@link UncheckedIOException} or an {@link IOError}; else {@link #INTERNAL}.
   *
   * @param failure the failure (null is {@link #INTERNAL})
   * @return its kind
   */
  public static ErrorKind of(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof DxRewriteException dx) {
        return dx.kind();
      }
    }
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof IOException || t instanceof UncheckedIOException || t instanceof IOError) {
        return ENVIRONMENT;
      }
    }
    return INTERNAL;
  }
}
