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
 * The accounting settings: seeds and {@code oov: keep} are off unless the operator opts in (from
 * any source); a per-subject budget needs a subject secret; secrets never show in the config's
 * text or in its error messages.
 */
class AccountingConfigTest {
  static final String SECRET = "a-made-up-subject-secret-0123456789abcdef";

  @Test
  void seedsAndOovKeepAreOffByDefaultAndOnFromAnySource() {
    ServerConfig defaults = ServerConfig.defaults();
    assertThat(defaults.allowSeed()).isFalse();
    assertThat(defaults.allowOovKeep()).isFalse();
    assertThat(defaults.subjectKeys()).isEmpty();
    assertThat(defaults.operatorKey()).isEmpty();
    assertThat(defaults.metricsOpen()).isTrue();
    ServerConfig env = ServerConfig.load(null, Map.of("DX_REWRITE_ALLOW_SEED", "true",
        "DX_REWRITE_ALLOW_OOV_KEEP", "true"), Map.of());
    assertThat(env.allowSeed()).isTrue();
    assertThat(env.allowOovKeep()).isTrue();
    ServerConfig flag = ServerConfig.load(null, Map.of("DX_REWRITE_ALLOW_SEED", "true"),
        Map.of("allow_seed", "false"));
    assertThat(flag.allowSeed()).as("the command line wins").isFalse();
  }

  @Test
  void aSubjectBudgetWithoutASecretIsRefusedAtStart(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("server.json");
    Files.writeString(file, """
        {"tenants": {"t": {"budget": 100, "subject_budget": 10, "api_keys": ["k-0123456789abcdef"]}}}
        """);
    assertThatThrownBy(() -> ServerConfig.load(file, Map.of(), Map.of()))
        .isInstanceOf(InvalidParameterException.class)
        .hasMessageContaining("subject_budget but no subject_secret")
        .hasMessageContaining("DX_REWRITE_SUBJECT_SECRET");
    ServerConfig withSecret = ServerConfig.load(file,
        Map.of("DX_REWRITE_SUBJECT_SECRET", SECRET), Map.of());
    assertThat(withSecret.subjectBudgetOf("t")).hasValue(10.0);
    assertThat(withSecret.subjectBudgetOf("other")).isEmpty();
    assertThat(withSecret.toString()).doesNotContain(SECRET);
  }

  @Test
  void secretsAreCheckedWithoutBeingShown() {
    String shortSecret = "only-twenty-chars-xx";
    assertThatThrownBy(() -> ServerConfig.load(null,
            Map.of("DX_REWRITE_SUBJECT_SECRET", shortSecret), Map.of()))
        .isInstanceOf(InvalidParameterException.class)
        .hasMessageContaining("at least 32 characters")
        .hasMessageNotContaining(shortSecret);
    String shortKey = "short-key";
    assertThatThrownBy(() -> ServerConfig.load(null,
            Map.of("DX_REWRITE_OPERATOR_KEY", shortKey), Map.of()))
        .isInstanceOf(InvalidParameterException.class)
        .hasMessageNotContaining(shortKey);
    ServerConfig config = ServerConfig.load(null, Map.of("DX_REWRITE_OPERATOR_KEY",
        "operator-0123456789abcdef", "DX_REWRITE_SUBJECT_SECRET", SECRET), Map.of());
    assertThat(config.toString()).doesNotContain("operator-0123456789abcdef")
        .doesNotContain(SECRET);
    assertThat(config.metricsOpen()).as("an operator key closes /metrics").isFalse();
  }

  @Test
  void theOperatorKeyMustDifferFromEveryApiKey(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("server.json");
    Files.writeString(file, """
        {"tenants": {"t": {"budget": 100, "api_keys": ["same-key-0123456789"]}}}
        """);
    assertThatThrownBy(() -> ServerConfig.load(file,
            Map.of("DX_REWRITE_OPERATOR_KEY", "same-key-0123456789"), Map.of()))
        .isInstanceOf(InvalidParameterException.class)
        .hasMessageContaining("operator_key must differ")
        .hasMessageNotContaining("same-key-0123456789");
  }

  @Test
  void metricsAreOpenOnlyOnALoopbackBindWithoutAnOperatorKey(@TempDir Path dir)
      throws Exception {
    ServerConfig remote = TestServers.config(dir, Map.of("host", "0.0.0.0"));
    assertThat(remote.metricsOpen()).isFalse();
    assertThat(TestServers.config(dir, Map.of()).metricsOpen()).isTrue();
  }
}
