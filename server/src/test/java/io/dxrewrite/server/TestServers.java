package io.dxrewrite.server;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/** Shared fixtures: a config with two tenants, a planted secret, and an HTTP client. */
public final class TestServers {
  /**
   * A made-up secret planted in request texts; {@code LogScanTest} asserts that no log line
   * contains it. Its words are out of vocabulary, so they are perturbed from the UNK point.
   */
  public static final String SECRET = "Zorblaxquen Vintrasheld 77310";

  /**
   * A made-up data-subject key planted in requests; {@code LogScanTest} asserts that no log line
   * contains it, and the ledger stores only its HMAC.
   */
  public static final String SUBJECT = "Quelvarindosh.Pemberlake@example.org";

  /** API key of tenant "acme" (large budget). */
  public static final String ACME_KEY = "acme-key-0123456789abcdef";

  /** API key of tenant "tiny" (budget 50). */
  public static final String TINY_KEY = "tiny-key-0123456789abcdef";

  /** API key of tenant "people" (budget 1e9, per-subject budget 100). */
  public static final String PEOPLE_KEY = "people-key-0123456789abcdef";

  /** An operator key for tests that set {@code operator_key}. */
  public static final String OPERATOR_KEY = "operator-key-0123456789abcdef";

  /** The subject secret in every test config file (made up). */
  public static final String SUBJECT_SECRET = "test-subject-secret-0123456789abcdefghij";

  private TestServers() {}

  /**
   * @param dir a temporary directory for the config and the ledger
   * @param extra more settings
   * @return a config on an ephemeral port with tenants acme (1e9), tiny (50) and people (1e9,
   *     per-subject 100), and {@link #SUBJECT_SECRET} in the file
   */
  public static ServerConfig config(Path dir, Map<String, String> extra) throws IOException {
    Path file = dir.resolve("server.json");
    Files.writeString(file, """
        {"subject_secret": "%s",
         "tenants": {
           "acme": {"budget": 1e9, "api_keys": ["%s"]},
           "tiny": {"budget": 50, "api_keys": ["%s"]},
           "people": {"budget": 1e9, "subject_budget": 100, "api_keys": ["%s"]}}}
        """.formatted(SUBJECT_SECRET, ACME_KEY, TINY_KEY, PEOPLE_KEY));
    Map<String, String> settings = new java.util.HashMap<>(Map.of(
        "port", "0", "ledger", dir.resolve("ledger.log").toString(), "workers", "2"));
    settings.putAll(extra);
    return ServerConfig.load(file, Map.of(), settings);
  }

  /**
   * @return an HTTP/1.1 client
   */
  public static HttpClient client() {
    return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(10)).build();
  }

  /**
   * @param port server port
   * @param path request path
   * @param key API key or null
   * @param body JSON body bytes
   * @return a POST request
   */
  public static HttpRequest post(int port, String path, String key, byte[] body) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .timeout(Duration.ofSeconds(60))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (key != null) {
      b.header("Authorization", "Bearer " + key);
    }
    return b.build();
  }

  /**
   * @param port server port
   * @param path request path
   * @param key API key or null
   * @return a GET request
   */
  public static HttpRequest get(int port, String path, String key) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .timeout(Duration.ofSeconds(30)).GET();
    if (key != null) {
      b.header("Authorization", "Bearer " + key);
    }
    return b.build();
  }

  /**
   * @param client the client
   * @param request the request
   * @return the response as a string
   */
  public static HttpResponse<String> send(HttpClient client, HttpRequest request) {
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * The library's context with the server's default output vocabulary (letters), for reference
   * results that must equal the server's.
   */
  static io.dxrewrite.mechanism.MechanismContext referenceContext(
      io.dxrewrite.embeddings.EmbeddingStore store) {
    return io.dxrewrite.mechanism.MechanismContext.of(store, new io.dxrewrite.nn.Nd4jExactIndex(store),
            io.dxrewrite.progress.ProgressListener.NONE)
        .restrictOutputs(io.dxrewrite.embeddings.OutputVocabulary.LETTERS,
            io.dxrewrite.nn.Nd4jExactIndex::new);
  }
}
