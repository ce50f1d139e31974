package io.dxrewrite.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server that cannot load its embeddings or index (here a store file that does not exist; on a
 * machine without a GPU, {@code index} = {@code gpu} takes the same path) must exit with status 2
 * and the reason, not stay up unready forever. One refused by its settings (auth off on a host that
 * is not loopback) must exit 2 with a one-line reason before it opens the ledger or a port.
 */
class StartupFailureTest {
  /**
   * Starts a server with these settings, logging to {@code log}, and waits (at most 60 s) for it
   * to exit by itself.
   *
   * @return its exit status
   */
  private static int runToExit(Map<String, String> env, Path log, String maxHeap)
      throws Exception {
    try (ChildServer child = ChildServer.start(env, log, maxHeap)) {
      assertThat(child.process().waitFor(60, TimeUnit.SECONDS)).as("exited").isTrue();
      return child.process().exitValue();
    }
  }

  @Test
  void authOffOnANonLoopbackHostIsRefusedWithStatus2AndTheSettingToUse(@TempDir Path dir)
      throws Exception {
    Path log = dir.resolve("server.log");
    Path ledger = dir.resolve("ledger.log");
    int status =
        runToExit(
            Map.of(
                "DX_REWRITE_HOST", "0.0.0.0",
                "DX_REWRITE_PORT", "0",
                "DX_REWRITE_LEDGER", ledger.toString()),
            log,
            "256m");
    assertThat(status).isEqualTo(2);
    List<String> lines = Files.readAllLines(log).stream().filter(l -> !l.isBlank()).toList();
    assertThat(lines).singleElement().asString()
        .startsWith("dx-rewrite: error: host 0.0.0.0 is not a loopback address")
        .contains("DX_REWRITE_ALLOW_UNAUTHENTICATED_REMOTE");
    assertThat(ledger).doesNotExist();
  }

  @Test
  void anOperatorWhoAllowsUnauthenticatedRemoteAccessGetsAWarning(@TempDir Path dir)
      throws Exception {
    Path log = dir.resolve("server.log");
    // A missing store makes the child exit 2 right after it listened and warned, instead of
    // loading embeddings this test does not need.
    runToExit(
        Map.of(
            "DX_REWRITE_HOST", "0.0.0.0",
            "DX_REWRITE_ALLOW_UNAUTHENTICATED_REMOTE", "true",
            "DX_REWRITE_PORT", "0",
            "DX_REWRITE_LEDGER", dir.resolve("ledger.log").toString(),
            "DX_REWRITE_EMBEDDINGS", dir.resolve("missing.dxemb").toString()),
        log,
        "512m");
    assertThat(Files.readString(log))
        .contains("listening on http://0.0.0.0:")
        .containsPattern("WARN io\\.dxrewrite\\.server\\.DxRewriteServer - auth is OFF on 0\\.0\\.0"
            + "\\.0, which is not a loopback address \\(allow_unauthenticated_remote is set\\)")
        .contains("WARN io.dxrewrite.server.DxRewriteServer - serving plain HTTP on 0.0.0.0, which"
            + " is not a loopback address");
  }

  @Test
  void aServerThatCannotLoadItsEmbeddingsExitsWithStatus2AndTheReason(@TempDir Path dir)
      throws Exception {
    Path log = dir.resolve("server.log");
    int status =
        runToExit(
            Map.of(
                "DX_REWRITE_PORT", "0",
                "DX_REWRITE_LEDGER", dir.resolve("ledger.log").toString(),
                "DX_REWRITE_EMBEDDINGS", dir.resolve("missing.dxemb").toString()),
            log,
            "512m");
    assertThat(status).isEqualTo(2);
    assertThat(Files.readString(log))
        .contains("the server could not load its embeddings or index")
        .contains("missing.dxemb");
  }
}
