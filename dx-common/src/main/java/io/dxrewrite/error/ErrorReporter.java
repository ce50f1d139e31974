package io.dxrewrite.error;

import java.io.PrintWriter;
import java.util.List;

/**
 * Turns a failure of a command-line entry point (the CLI, the Spark job, the server's start-up)
 * into a one-line message and the exit code of its {@link ErrorKind}: the message of the first
 * {@link DxRewriteException} in the cause chain (or of another type known never to quote record
 * text, counted as {@link ErrorKind#USAGE}) with its kind's code; otherwise only the exception's
 * type, because foreign messages may quote input, with {@link ErrorKind#ENVIRONMENT}'s code for an
 * I/O failure and {@link ErrorKind#INTERNAL}'s for anything else. A stack trace follows only when
 * the environment variable {@code DX_REWRITE_DEBUG} is {@code 1}.
 */
public final class ErrorReporter {
  /** Exit code for success. */
  public static final int EXIT_OK = ErrorKind.EXIT_OK;

  /** Exit code for an internal error ({@link ErrorKind#INTERNAL}). */
  public static final int EXIT_INTERNAL = ErrorKind.INTERNAL.exitCode();

  /** Exit code for bad usage or bad input ({@link ErrorKind#USAGE}, {@link ErrorKind#INPUT}). */
  public static final int EXIT_USAGE = ErrorKind.USAGE.exitCode();

  /**
   * Exit code for a failure of the machine rather than of the caller ({@link
   * ErrorKind#ENVIRONMENT}: a full disk, a broken pipe, a failing GPU).
   */
  public static final int EXIT_ENVIRONMENT = ErrorKind.ENVIRONMENT.exitCode();

  private ErrorReporter() {}

  /**
   * @param e the failure
   * @param err where the message goes (flushed)
   * @param safeTypes further exception types whose messages never quote record text; they count
   *     as {@link ErrorKind#USAGE}
   * @return the exit code of the failure's kind: {@link #EXIT_USAGE}, {@link #EXIT_ENVIRONMENT}
   *     or {@link #EXIT_INTERNAL}
   */
  public static int report(Exception e, PrintWriter err, List<Class<? extends Throwable>> safeTypes) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      Throwable cause = t;
      if (cause instanceof DxRewriteException dx) {
        err.println("dx-rewrite: error: " + t.getMessage());
        err.flush();
        return dx.kind().exitCode();
      }
      if (safeTypes.stream().anyMatch(c -> c.isInstance(cause))) {
        err.println("dx-rewrite: error: " + t.getMessage());
        err.flush();
        return ErrorKind.USAGE.exitCode();
      }
    }
    ErrorKind kind = ErrorKind.of(e);
    String what =
        kind == ErrorKind.ENVIRONMENT ? "error: reading or writing failed" : "internal error";
    err.println(
        "dx-rewrite: " + what + " (" + e.getClass().getName()
            + "); set DX_REWRITE_DEBUG=1 for a stack trace");
    if ("1".equals(System.getenv("DX_REWRITE_DEBUG"))) {
      e.printStackTrace(err);
    }
    err.flush();
    return kind.exitCode();
  }
}
