package io.dxrewrite.error;

import java.io.PrintWriter;
import java.util.List;

/**
 * Turns a failure of a command-line entry point (the CLI, the Spark job) into a one-line message
 * and an exit code: {@value #EXIT_IO_FAILURE} with the message of an {@link IoFailureException}
 * (disk full, broken pipe); {@value #EXIT_USAGE} with the message of the first {@link DxRewriteException}
 * (or other type known never to quote record text) in the cause chain, else {@value
 * #EXIT_INTERNAL} naming only the exception's type, because foreign messages may quote input. A
 * stack trace follows only when the environment variable {@code DX_REWRITE_DEBUG} is {@code 1}.
 */
public final class ErrorReporter {
  /** Exit code for success. */
  public static final int EXIT_OK = 0;

  /** Exit code for an internal error. */
  public static final int EXIT_INTERNAL = 1;

  /** Exit code for bad usage or bad input. */
  public static final int EXIT_USAGE = 2;

  /**
   * Exit code for a failed read or write ({@link IoFailureException}: disk full, broken pipe); the
   * same value as {@link #EXIT_INTERNAL}, since neither is the caller's input at fault.
   */
  public static final int EXIT_IO_FAILURE = 1;

  private ErrorReporter() {}

  /**
   * @param e the failure
   * @param err where the message goes (flushed)
   * @param safeTypes further exception types whose messages never quote record text
   * @return {@link #EXIT_USAGE}, {@link #EXIT_IO_FAILURE} or {@link #EXIT_INTERNAL}
   */
  public static int report(Exception e, PrintWriter err, List<Class<? extends Throwable>> safeTypes) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      Throwable cause = t;
      if (cause instanceof IoFailureException) {
        err.println("dx-rewrite: error: " + t.getMessage());
        err.flush();
        return EXIT_IO_FAILURE;
      }
      if (cause instanceof DxRewriteException || safeTypes.stream().anyMatch(c -> c.isInstance(cause))) {
        err.println("dx-rewrite: error: " + t.getMessage());
        err.flush();
        return EXIT_USAGE;
      }
    }
    err.println(
        "dx-rewrite: internal error (" + e.getClass().getName()
            + "); set DX_REWRITE_DEBUG=1 for a stack trace");
    if ("1".equals(System.getenv("DX_REWRITE_DEBUG"))) {
      e.printStackTrace(err);
    }
    err.flush();
    return EXIT_INTERNAL;
  }
}
