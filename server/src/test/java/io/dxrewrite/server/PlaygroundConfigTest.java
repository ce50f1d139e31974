package io.dxrewrite.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dxrewrite.error.InvalidParameterException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code playground} setting: on by default on a loopback host, off by default on any other,
 * and set like every other setting from the file, the environment or the command line.
 */
class PlaygroundConfigTest {
  private static final Map<String, String> REMOTE =
      Map.of("host", "0.0.0.0", "allow_unauthenticated_remote", "true");

  @Test
  void onByDefaultOnLoopbackOffByDefaultElsewhere() {
    assertThat(ServerConfig.defaults().playground()).isTrue();
    assertThat(ServerConfig.load(null, Map.of(), Map.of("host", "::1")).playground()).isTrue();
    assertThat(ServerConfig.load(null, Map.of(), REMOTE).playground()).isFalse();
    assertThat(ServerConfig.load(null, Map.of("DX_REWRITE_HOST", "192.168.1.10",
        "DX_REWRITE_ALLOW_UNAUTHENTICATED_REMOTE", "true"), Map.of()).playground()).isFalse();
  }

  @Test
  void eachSourceSetsItAndTheCommandLineWins(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("server.json");
    Files.writeString(file, "{\"playground\": false}");
    assertThat(ServerConfig.load(file, Map.of(), Map.of()).playground()).isFalse();
    assertThat(ServerConfig.load(null, Map.of("DX_REWRITE_PLAYGROUND", "false"), Map.of())
        .playground()).isFalse();
    assertThat(ServerConfig.load(file, Map.of("DX_REWRITE_PLAYGROUND", "true"), Map.of())
        .playground()).isTrue();
    assertThat(ServerConfig.load(file, Map.of("DX_REWRITE_PLAYGROUND", "true"),
        Map.of("playground", "false")).playground()).isFalse();
    Map<String, String> remoteOn = new java.util.HashMap<>(REMOTE);
    remoteOn.put("playground", "true");
    assertThat(ServerConfig.load(null, Map.of(), remoteOn).playground()).isTrue();
  }

  @Test
  void aValueOtherThanTrueOrFalseIsRefused() {
    assertThatThrownBy(() -> ServerConfig.load(null, Map.of(), Map.of("playground", "yes")))
        .isInstanceOf(InvalidParameterException.class)
        .hasMessageContaining("playground must be true or false");
  }
}
