package io.dxrewrite.cli;

import io.dxrewrite.server.ServerConfig;
import io.dxrewrite.server.ServerMain;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code dx-rewrite serve}: runs the HTTP anonymization API until SIGTERM, then shuts down
 * gracefully. Every setting can also come from the config file or a {@code DX_REWRITE_*}
 * environment variable; the command line wins.
 */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Runs the HTTP anonymization API (POST /v1/rewrite, /v1/rewrite/stream, GET "
          + "/v1/mechanisms, /v1/embeddings, /v1/budget, /health/live, /health/ready, /metrics, "
          + "/openapi.yaml) and, when enabled, the browser playground at /.",
      "Settings: command line > DX_REWRITE_<NAME> environment variables > --config file > defaults."
    })
final class ServeCommand implements Runnable {
  @Option(names = "--port", description = "TCP port (0 = any free port; default "
      + ServerConfig.DEFAULT_PORT + "; env DX_REWRITE_PORT)")
  Integer port;

  @Option(names = "--host", description = "interface to bind (default " + ServerConfig.DEFAULT_HOST
      + "; env DX_REWRITE_HOST)")
  String host;

  @Option(names = "--config", description = "JSON config file: settings, tenants, budgets and API keys (env DX_REWRITE_CONFIG)")
  Path config;

  @Option(names = "--embeddings", description = "embedding store (default: the embedded GloVe subset; env DX_REWRITE_EMBEDDINGS)")
  Path embeddings;

  @Option(names = "--index", description = "exact nearest-neighbour kernel: auto, simd, nd4j, simd-pruned or gpu"
      + " (default " + ServerConfig.DEFAULT_INDEX + "; env DX_REWRITE_INDEX)")
  String index;

  @Option(names = "--output-vocabulary", paramLabel = "all|letters|FILE",
      description = "words a replacement may be: letters (words with a letter), all, or a file of"
          + " words (default letters; env DX_REWRITE_OUTPUT_VOCABULARY)")
  String outputVocabulary;

  @Option(names = "--ledger", description = "privacy-budget ledger file (default "
      + ServerConfig.DEFAULT_LEDGER + "; env DX_REWRITE_LEDGER)")
  Path ledger;

  @Option(names = "--tls-cert", paramLabel = "PEM",
      description = "serve HTTPS with this PEM certificate chain; needs --tls-key (env"
          + " DX_REWRITE_TLS_CERT; default: plain HTTP)")
  Path tlsCert;

  @Option(names = "--tls-key", paramLabel = "PEM",
      description = "the unencrypted PEM private key of --tls-cert (env DX_REWRITE_TLS_KEY)")
  Path tlsKey;

  @Option(names = "--allow-unauthenticated-remote",
      description = "serve with no API key configured on a host that is not loopback (refused"
          + " otherwise, exit 2); logs a warning (env DX_REWRITE_ALLOW_UNAUTHENTICATED_REMOTE=true)")
  boolean allowUnauthenticatedRemote;

  @Option(names = "--allow-seed",
      description = "accept a client-chosen seed (reproducible output for tests and audits; whoever"
          + " knows the seed knows the noise); refused with 403 otherwise (env"
          + " DX_REWRITE_ALLOW_SEED=true)")
  boolean allowSeed;

  @Option(names = "--allow-oov-keep",
      description = "accept oov=keep, which copies out-of-vocabulary words through unprotected;"
          + " refused with 403 otherwise (env DX_REWRITE_ALLOW_OOV_KEEP=true)")
  boolean allowOovKeep;

  @Option(names = "--playground", negatable = true,
      description = "serve the browser playground at / and /playground (default: on for a loopback"
          + " host, off for any other; env DX_REWRITE_PLAYGROUND=true|false)")
  Boolean playground;

  @Override
  public void run() {
    Map<String, String> env = System.getenv();
    Path file = config;
    if (file == null && env.get(ServerConfig.ENV_PREFIX + "CONFIG") != null) {
      file = Path.of(env.get(ServerConfig.ENV_PREFIX + "CONFIG"));
    }
    Map<String, String> overrides = new HashMap<>();
    if (port != null) {
      overrides.put("port", port.toString());
    }
    if (host != null) {
      overrides.put("host", host);
    }
    if (embeddings != null) {
      overrides.put("embeddings", embeddings.toString());
    }
    if (ledger != null) {
      overrides.put("ledger", ledger.toString());
    }
    if (tlsCert != null) {
      overrides.put("tls_cert", tlsCert.toString());
    }
    if (tlsKey != null) {
      overrides.put("tls_key", tlsKey.toString());
    }
    if (index != null) {
      overrides.put("index", index);
    }
    if (outputVocabulary != null) {
      overrides.put("output_vocabulary", outputVocabulary);
    }
    if (allowUnauthenticatedRemote) {
      overrides.put("allow_unauthenticated_remote", "true");
    }
    if (allowSeed) {
      overrides.put("allow_seed", "true");
    }
    if (allowOovKeep) {
      overrides.put("allow_oov_keep", "true");
    }
    if (playground != null) {
      overrides.put("playground", playground.toString());
    }
    ServerMain.run(ServerConfig.load(file, env, overrides));
  }
}
