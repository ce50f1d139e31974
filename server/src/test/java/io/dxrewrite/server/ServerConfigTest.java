package io.dxrewrite.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dxrewrite.error.InvalidParameterException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Auth off is for loopback only: a non-loopback host without API keys is refused unless {@code
 * allow_unauthenticated_remote} is set, from any of the settings' sources.
 */
class ServerConfigTest {
  private static final String OPT_IN = "allow_unauthenticated_remote";
  private static final String OPT_IN_ENV = "DX_REWRITE_ALLOW_UNAUTHENTICATED_REMOTE";

  @ParameterizedTest
  @ValueSource(strings = {"127.0.0.1", "127.0.0.2", "127.255.255.254", "localhost", "LocalHost",
      "::1", "[::1]", "0:0:0:0:0:0:0:1", "::ffff:127.0.0.1"})
  void loopbackHostsAreLoopback(String host) {
    assertThat(ServerConfig.isLoopback(host)).isTrue();
    assertThat(ServerConfig.load(null, Map.of(), Map.of("host", host)).unauthenticatedRemote())
        .isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"0.0.0.0", "::", "[::]", "192.168.1.10", "10.0.0.1", "128.0.0.1",
      "1.127.0.0", "127.0.0.256", "127.1", "fe80::1", "example.com", "localhost.example.com",
      "127.0.0.1.nip.io", "myhost"})
  void otherHostsAreNotLoopback(String host) {
    assertThat(ServerConfig.isLoopback(host)).isFalse();
  }

  @Test
  void aHostWithSurroundingWhitespaceIsRefusedInsteadOfFailingToBind() {
    assertThatThrownBy(() -> ServerConfig.load(null, Map.of(), Map.of("host", "127.0.0.1 ")))
        .hasMessageContaining("host must not start or end with whitespace");
  }

  @Test
  void authOffOnANonLoopbackHostIsRefusedWithTheSettingToUse() {
    assertThatThrownBy(() -> ServerConfig.load(null, Map.of(), Map.of("host", "0.0.0.0")))
        .isInstanceOf(InvalidParameterException.class)
        .hasMessageContaining("host 0.0.0.0 is not a loopback address")
        .hasMessageContaining("api_keys")
        .hasMessageContaining(OPT_IN)
        .hasMessageContaining(OPT_IN_ENV)
        .hasMessageContaining("--allow-unauthenticated-remote")
        .hasMessageNotContaining("\n");
    assertThatThrownBy(() -> ServerConfig.load(null, Map.of("DX_REWRITE_HOST", "::"), Map.of()))
        .isInstanceOf(InvalidParameterException.class);
  }

  @Test
  void theOptInComesFromTheFileTheEnvironmentOrTheCommandLine(@TempDir Path dir)
      throws Exception {
    Path file = dir.resolve("server.json");
    Files.writeString(file, "{\"host\": \"0.0.0.0\", \"" + OPT_IN + "\": true}");
    ServerConfig fromFile = ServerConfig.load(file, Map.of(), Map.of());
    assertThat(fromFile.allowUnauthenticatedRemote()).isTrue();
    assertThat(fromFile.unauthenticatedRemote()).isTrue();

    assertThat(ServerConfig.load(null, Map.of("DX_REWRITE_HOST", "0.0.0.0", OPT_IN_ENV, "TRUE"),
        Map.of()).unauthenticatedRemote()).isTrue();
    assertThat(ServerConfig.load(null, Map.of(),
        Map.of("host", "0.0.0.0", OPT_IN, "true")).unauthenticatedRemote()).isTrue();

    // Precedence as for every setting: the environment overrides the file.
    assertThatThrownBy(() -> ServerConfig.load(file, Map.of(OPT_IN_ENV, "false"), Map.of()))
        .isInstanceOf(InvalidParameterException.class)
        .hasMessageContaining(OPT_IN);
  }

  @Test
  void theOptInMustBeABoolean() {
    assertThatThrownBy(() -> ServerConfig.load(null, Map.of(OPT_IN_ENV, "yes"), Map.of()))
        .isInstanceOf(InvalidParameterException.class)
        .hasMessage(OPT_IN + " must be true or false, got 'yes'");
  }

  @Test
  void withApiKeysAnyHostIsAllowedAndNothingIsUnauthenticated(@TempDir Path dir)
      throws Exception {
    ServerConfig config = TestServers.config(dir, Map.of("host", "0.0.0.0"));
    assertThat(config.authEnabled()).isTrue();
    assertThat(config.unauthenticatedRemote()).isFalse();
    assertThat(ServerConfig.defaults().allowUnauthenticatedRemote()).isFalse();
    assertThat(ServerConfig.defaults().unauthenticatedRemote()).isFalse();
  }

  /**
   * A broken config file is named with the line and column of the fault (before: only
   * "JsonParseException"), and its text, which may hold API keys, is not echoed.
   */
  @Test
  void aBrokenConfigFileIsNamedWithLineAndColumnWithoutEchoingIt(@TempDir Path dir)
      throws Exception {
    Path file = dir.resolve("server.json");
    Files.writeString(file, "{\n  \"port\": 8080,\n  \"tenants\": {\"acme\": {\"keys\": [sk-secret-key]}}\n}\n");
    assertThatThrownBy(() -> ServerConfig.load(file, Map.of(), Map.of()))
        .isInstanceOf(InvalidParameterException.class)
        .hasMessageStartingWith("config file " + file + " is not valid JSON at line 3, column ")
        .hasMessageNotContaining("sk-secret");
  }

  /** The output vocabulary is a setting like any other, letters by default. */
  @Test
  void theOutputVocabularyDefaultsToLettersAndCanBeAllOrAFile(@TempDir Path dir) throws Exception {
    assertThat(ServerConfig.load(null, Map.of(), Map.of()).outputVocabulary())
        .isEqualTo(io.dxrewrite.embeddings.OutputVocabulary.LETTERS);
    assertThat(ServerConfig.load(null, Map.of("DX_REWRITE_OUTPUT_VOCABULARY", "all"), Map.of())
        .outputVocabulary()).isEqualTo(io.dxrewrite.embeddings.OutputVocabulary.ALL);
    Path words = dir.resolve("words.txt");
    Files.writeString(words, "alpha\nbeta\n");
    assertThat(ServerConfig.load(null, Map.of(), Map.of("output_vocabulary", words.toString()))
        .outputVocabulary().allows("beta")).isTrue();
    assertThatThrownBy(() -> ServerConfig.load(null, Map.of(),
        Map.of("output_vocabulary", dir.resolve("missing.txt").toString())))
        .hasMessageContaining("missing.txt").hasMessageContaining("does not exist");
  }
}
