package io.dxrewrite.server;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A dx-rewrite server ({@link ServerMain}) in a child JVM, configured through {@code DX_REWRITE_*}
 * environment variables, with its output in a log file. Used where the server must be a separate
 * process: the kill -9 ledger test and the load generator.
 */
public final class ChildServer implements AutoCloseable {
  private static final String LISTENING = "listening on http://127.0.0.1:";

  private final Process process;
  private final Path log;

  private ChildServer(Process process, Path log) {
    this.process = process;
    this.log = log;
  }

  /**
   * Starts {@link ServerMain} on the server module's test runtime classpath (the file named by
   * the system property {@code dxrewrite.testClasspath}, written by the build, plus {@code
   * target/classes}).
   *
   * @param env {@code DX_REWRITE_*} settings, e.g. {@code DX_REWRITE_PORT=0}
   * @param log the child's stdout and stderr
   * @param maxHeap the {@code -Xmx} value, e.g. {@code "1g"}
   * @return the running child (not yet ready; see {@link #awaitReady})
   * @throws IOException if the classpath file cannot be read or the JVM cannot be started
   */
  public static ChildServer start(Map<String, String> env, Path log, String maxHeap)
      throws IOException {
    String classpathFile = System.getProperty("dxrewrite.testClasspath",
        "target/test-classpath.txt");
    String classpath = Files.readString(Path.of(classpathFile)).strip()
        + File.pathSeparator + Path.of("target/classes").toAbsolutePath();
    ProcessBuilder pb = new ProcessBuilder(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx" + maxHeap,
        "-Dvertx.logger-delegate-factory-class-name=io.vertx.core.logging.SLF4JLogDelegateFactory",
        "-cp", classpath, ServerMain.class.getName());
    pb.environment().putAll(env);
    pb.redirectErrorStream(true);
    Files.deleteIfExists(log);
    pb.redirectOutput(log.toFile());
    return new ChildServer(pb.start(), log);
  }

  /**
   * Waits until the child logged that the embeddings are loaded, and reads the port it bound from
   * its log line "listening on http://127.0.0.1:PORT" (the server must bind 127.0.0.1).
   *
   * @param timeout how long to wait
   * @return the bound port
   * @throws AssertionError if the child died or did not become ready in time
   */
  public int awaitReady(Duration timeout) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline && process.isAlive()) {
      List<String> lines = Files.readAllLines(log);
      boolean loaded = lines.stream().anyMatch(l -> l.contains("embeddings loaded"));
      for (String line : lines) {
        int at = line.indexOf(LISTENING);
        if (loaded && at >= 0) {
          String rest = line.substring(at + LISTENING.length());
          return Integer.parseInt(rest.substring(0, rest.indexOf(';')));
        }
      }
      Thread.sleep(100);
    }
    throw new AssertionError("child server did not become ready; see " + log);
  }

  /**
   * @return the child process
   */
  public Process process() {
    return process;
  }

  /**
   * Asks the child to stop (SIGTERM: graceful shutdown) and waits up to 60 s for it; kills it if
   * it does not stop in time.
   *
   * @return {@code true} if it stopped within 60 s
   */
  public boolean stop() throws InterruptedException {
    process.destroy();
    if (process.waitFor(60, TimeUnit.SECONDS)) {
      return true;
    }
    process.destroyForcibly();
    return false;
  }

  /** {@link #stop()}, for try-with-resources. */
  @Override
  public void close() throws InterruptedException {
    stop();
  }
}
