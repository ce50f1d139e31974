package io.dxrewrite.server;

import io.dxrewrite.error.ErrorKind;
import io.dxrewrite.error.ErrorReporter;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs the server until SIGTERM or SIGINT, then shuts it down gracefully. Settings come from the
 * environment ({@code DX_REWRITE_*}) and {@code DX_REWRITE_CONFIG}; {@code dx-rewrite serve} is the
 * command-line front end.
 */
public final class ServerMain {
  private ServerMain() {}

  /**
   * Exits with a one-line reason and the exit code of the failure's {@link ErrorKind}: 2 if the
   * settings are invalid or refused (for example auth off on a host that is not loopback; see
   * {@link ServerConfig}) or the ledger is not a ledger, 4 if the ledger or port cannot be opened
   * for a reason of the machine, 1 naming only the exception type for any other failure.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    Map<String, String> env = System.getenv();
    String file = env.get(ServerConfig.ENV_PREFIX + "CONFIG");
    try {
      run(ServerConfig.load(file == null ? null : Path.of(file), env, Map.of()));
    } catch (RuntimeException e) {
      System.exit(ErrorReporter.report(e, new PrintWriter(System.err, true), List.of()));
    }
  }

  /**
   * Starts the server and blocks until the JVM is asked to stop; the shutdown hook closes it. If
   * the embeddings or the index cannot be loaded (a missing store, {@code index} = {@code gpu}
   * without a GPU), the process prints the reason and exits with the code of the failure's {@link
   * ErrorKind} (2 for a configuration error, 4 for a failure of the machine, 1 otherwise), so that
   * a supervisor sees the failure instead of a live but never-ready server.
   *
   * @param config the settings
   */
  public static void run(ServerConfig config) {
    DxRewriteServer server = DxRewriteServer.start(config);
    CountDownLatch stopped = new CountDownLatch(1);
    AtomicReference<Throwable> loadFailure = new AtomicReference<>();
    server.loaded().onFailure(e -> {
      loadFailure.set(e);
      stopped.countDown();
    });
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        server.close();
      } finally {
        stopped.countDown();
      }
    }, "dx-rewrite-shutdown"));
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    Throwable failure = loadFailure.get();
    if (failure != null) {
      System.err.println("dx-rewrite: error: the server could not load its embeddings or index: "
          + failure.getMessage());
      System.exit(ErrorKind.of(failure).exitCode());
    }
  }
}
