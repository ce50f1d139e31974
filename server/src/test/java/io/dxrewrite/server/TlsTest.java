package io.dxrewrite.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dxrewrite.error.InvalidParameterException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tls_cert}/{@code tls_key}: the server speaks HTTPS with a PEM certificate and key, and
 * refuses a half or unusable configuration. The pair under {@code src/test/resources/tls} is a
 * self-signed test-only certificate for localhost and 127.0.0.1 (see its README there).
 */
class TlsTest {
  @Test
  void servesHttpsWithThePemPairAndNotPlainHttp(@TempDir Path dir) throws Exception {
    Path cert = copy("tls/test-cert.pem", dir);
    Path key = copy("tls/test-key.pem", dir);
    ServerConfig config = ServerConfig.load(null, Map.of(), Map.of("port", "0",
        "ledger", dir.resolve("ledger.log").toString(), "workers", "1",
        "tls_cert", cert.toString(), "tls_key", key.toString()));
    try (DxRewriteServer server = DxRewriteServer.start(config)) {
      HttpClient trusting = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
          .sslContext(trusting(cert)).connectTimeout(Duration.ofSeconds(10)).build();
      HttpResponse<String> live = trusting.send(
          HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + server.port() + "/health/live"))
              .timeout(Duration.ofSeconds(30)).GET().build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(live.statusCode()).isEqualTo(200);
      assertThat(live.sslSession()).isPresent();

      // the same port does not answer plain HTTP
      assertThatThrownBy(() -> TestServers.client().send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/health/live"))
                  .timeout(Duration.ofSeconds(30)).GET().build(),
              HttpResponse.BodyHandlers.ofString()))
          .isInstanceOf(IOException.class);
    }
  }

  @Test
  void tlsFilesFollowThePrecedenceOfEveryOtherSetting(@TempDir Path dir) throws Exception {
    Path cert = copy("tls/test-cert.pem", dir);
    Path key = copy("tls/test-key.pem", dir);
    Path fileCert = Files.copy(cert, dir.resolve("file-cert.pem"));
    Path envCert = Files.copy(cert, dir.resolve("env-cert.pem"));
    Path flagCert = Files.copy(cert, dir.resolve("flag-cert.pem"));
    Path file = dir.resolve("server.json");
    new com.fasterxml.jackson.databind.ObjectMapper().writeValue(file.toFile(),
        Map.of("tls_cert", fileCert.toString(), "tls_key", key.toString()));
    Map<String, String> env = Map.of("DX_REWRITE_TLS_CERT", envCert.toString());

    assertThat(ServerConfig.load(file, Map.of(), Map.of()).tls())
        .contains(new ServerConfig.Tls(fileCert, key));
    assertThat(ServerConfig.load(file, env, Map.of()).tls())
        .contains(new ServerConfig.Tls(envCert, key));
    assertThat(ServerConfig.load(file, env, Map.of("tls_cert", flagCert.toString())).tls())
        .contains(new ServerConfig.Tls(flagCert, key));
    assertThat(ServerConfig.defaults().tls()).isEmpty();
  }

  @Test
  void aCertificateWithoutAKeyOrAKeyWithoutACertificateIsRefused(@TempDir Path dir)
      throws Exception {
    Path cert = copy("tls/test-cert.pem", dir);
    Path key = copy("tls/test-key.pem", dir);
    assertThatThrownBy(() -> ServerConfig.load(null, Map.of(), Map.of("tls_cert", cert.toString())))
        .isInstanceOf(InvalidParameterException.class)
        .hasMessageContaining("tls_cert and tls_key must be set together")
        .hasMessageContaining("got only tls_cert");
    assertThatThrownBy(() -> ServerConfig.load(null, Map.of("DX_REWRITE_TLS_KEY", key.toString()),
            Map.of()))
        .isInstanceOf(InvalidParameterException.class)
        .hasMessageContaining("got only tls_key");
    assertThatThrownBy(() -> ServerConfig.load(null, Map.of(),
            Map.of("tls_cert", dir.resolve("missing.pem").toString(), "tls_key", key.toString())))
        .isInstanceOf(InvalidParameterException.class)
        .hasMessageContaining("tls_cert")
        .hasMessageContaining("is not a readable file");
  }

  @Test
  void aKeyFileThatHoldsNoKeyIsRefusedAtStartWithoutQuotingIt(@TempDir Path dir) throws Exception {
    Path cert = copy("tls/test-cert.pem", dir);
    Path notAKey = dir.resolve("not-a-key.pem");
    Files.writeString(notAKey, "Zorblaxquen is not a key\n");
    ServerConfig config = ServerConfig.load(null, Map.of(), Map.of("port", "0",
        "ledger", dir.resolve("ledger.log").toString(), "workers", "1",
        "tls_cert", cert.toString(), "tls_key", notAKey.toString()));
    assertThatThrownBy(() -> DxRewriteServer.start(config).close())
        .isInstanceOf(InvalidParameterException.class)
        .hasMessageContaining("cannot serve TLS")
        .hasMessageNotContaining("Zorblaxquen");
  }

  private static Path copy(String resource, Path dir) throws IOException {
    Path target = dir.resolve(Path.of(resource).getFileName().toString());
    try (InputStream in = TlsTest.class.getClassLoader().getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
    }
    return target;
  }

  /** An SSL context that trusts exactly the given PEM certificate. */
  private static SSLContext trusting(Path cert) throws Exception {
    KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
    trust.load(null, null);
    try (InputStream in = Files.newInputStream(cert)) {
      trust.setCertificateEntry("test", CertificateFactory.getInstance("X.509")
          .generateCertificate(in));
    }
    TrustManagerFactory tmf =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(trust);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, tmf.getTrustManagers(), null);
    return context;
  }
}
