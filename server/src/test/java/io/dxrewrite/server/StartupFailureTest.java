package io.dxrewrite.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server that cannot load its embeddings or index (here a store file that does not exist; on a
 * machine without a GPU, {@code index} = {@code gpu} takes the same path) must exit with status 2
 * and the reason, not stay up unready forever.
 */
class StartupFailureTest {
  @Test
  void aServerThatCannotLoadItsEmbeddingsExitsWithStatus2AndTheReason(@TempDir Path dir)
      throws Exception {
    Path log = dir.resolve("server.log");
    try (ChildServer child =
        ChildServer.start(
            Map.of(
                "DX_REWRITE_PORT", "0",
                "DX_REWRITE_LEDGER", dir.resolve("ledger.log").toString(),
                "DX_REWRITE_EMBEDDINGS", dir.resolve("missing.dxemb").toString()),
            log,
            "512m")) {
      assertThat(child.process().waitFor(60, TimeUnit.SECONDS)).as("exited").isTrue();
      assertThat(child.process().exitValue()).isEqualTo(2);
      assertThat(Files.readString(log))
          .contains("the server could not load its embeddings or index")
          .contains("missing.dxemb");
    }
  }
}
