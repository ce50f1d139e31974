package io.dxrewrite.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServeCliTest {
  /**
   * Auth off (no config file, so no API keys) on a host that is not loopback must exit 2 with the
   * setting to use, before it opens the ledger or a port.
   */
  @Test
  void serveRefusesAuthOffOnANonLoopbackHost(@TempDir Path dir) {
    Path ledger = dir.resolve("ledger.log");
    CliRun run = CliRun.of("serve", "--host", "0.0.0.0", "--port", "0", "--ledger",
        ledger.toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().strip())
        .startsWith("dx-rewrite: error: host 0.0.0.0 is not a loopback address")
        .contains("--allow-unauthenticated-remote")
        .doesNotContain("\n");
    assertThat(ledger).doesNotExist();
  }

  @Test
  void serveHelpListsTheOptIn() {
    CliRun run = CliRun.of("serve", "--help");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out().replaceAll("\\s+", " ")).contains("--allow-unauthenticated-remote")
        .contains("DX_REWRITE_ALLOW_UNAUTHENTICATED_REMOTE")
        .contains("--tls-cert").contains("DX_REWRITE_TLS_CERT")
        .contains("--tls-key").contains("DX_REWRITE_TLS_KEY")
        .contains("default 8080").contains("default 127.0.0.1");
  }

  /** A certificate without its key is refused (exit 2, one line) before the ledger is opened. */
  @Test
  void serveRefusesATlsCertificateWithoutItsKey(@TempDir Path dir) throws Exception {
    Path ledger = dir.resolve("ledger.log");
    Path cert = java.nio.file.Files.writeString(dir.resolve("cert.pem"), "not read\n");
    CliRun run = CliRun.of("serve", "--port", "0", "--ledger", ledger.toString(), "--tls-cert",
        cert.toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().strip())
        .startsWith("dx-rewrite: error: tls_cert and tls_key must be set together")
        .contains("--tls-key")
        .doesNotContain("\n");
    assertThat(ledger).doesNotExist();
  }
}
