package io.dxrewrite.server;

import io.dxrewrite.error.InvalidParameterException;
import io.dxrewrite.server.api.ApiRouter;
import io.dxrewrite.server.api.ChargedRewrite;
import io.dxrewrite.server.api.InfoHandlers;
import io.dxrewrite.server.api.NwCurveHandler;
import io.dxrewrite.server.api.RewriteHandler;
import io.dxrewrite.server.api.RewriteRequests;
import io.dxrewrite.server.api.StreamRewriteHandler;
import io.dxrewrite.server.auth.ApiKeyAuthenticator;
import io.dxrewrite.server.auth.OperatorKey;
import io.dxrewrite.server.ledger.TenantBudgets;
import io.dxrewrite.server.ledger.PrivacyLedger;
import io.dxrewrite.server.observability.AccessLog;
import io.dxrewrite.server.observability.ServerMetrics;
import io.dxrewrite.server.playground.PlaygroundRoutes;
import io.dxrewrite.server.rewrite.NwCurves;
import io.dxrewrite.server.rewrite.RewriteEngine;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dx-rewrite HTTP server: opens the ledger, starts listening at once, and loads the
 * embeddings on a worker thread ({@code /health/ready} turns 200 when done). {@link #close()}
 * shuts down gracefully: stop accepting, finish in-flight requests, flush and close the ledger.
 */
public final class DxRewriteServer implements AutoCloseable {
  static {
    // Vert.x Web logs every routing failure with its exception message at DEBUG, and schema or
    // JSON-parser messages quote the request. Keep that logger at INFO unless the operator
    // explicitly configured it (slf4j-simple reads per-logger levels from system properties).
    System.setProperty("org.slf4j.simpleLogger.log.io.vertx.ext.web.RoutingContext",
        System.getProperty("org.slf4j.simpleLogger.log.io.vertx.ext.web.RoutingContext", "info"));
    if (System.getProperty("vertx.logger-delegate-factory-class-name") == null) {
      System.setProperty("vertx.logger-delegate-factory-class-name",
          "io.vertx.core.logging.SLF4JLogDelegateFactory");
    }
  }

  private static final Logger LOG = LoggerFactory.getLogger(DxRewriteServer.class);

  /** Records per shared nearest-neighbour batch. */
  static final int MAX_BATCH_TEXTS = 1024;

  /** Lines in flight per stream. */
  static final int STREAM_WINDOW = 32;

  /** How long {@link #close()} waits for in-flight requests, in seconds. */
  static final int SHUTDOWN_GRACE_SECONDS = 30;

  /** A connection idle this long, in seconds, is closed. */
  static final int IDLE_TIMEOUT_SECONDS = 120;

  private final Vertx vertx;
  private final HttpServer http;
  private final PrivacyLedger ledger;
  private final RewriteEngine engine;
  private final NwCurves curves;
  private final Future<Void> loaded;
  private boolean closed;

  private DxRewriteServer(Vertx vertx, HttpServer http, PrivacyLedger ledger, RewriteEngine engine,
      NwCurves curves, Future<Void> loaded) {
    this.vertx = vertx;
    this.http = http;
    this.ledger = ledger;
    this.engine = engine;
    this.curves = curves;
    this.loaded = loaded;
  }

  /**
   * Starts the server and returns once it listens; the embeddings keep loading in the background.
   *
   * @param config the settings
   * @return the running server
   * @throws io.dxrewrite.error.DxRewriteException if the index kind cannot run here (checked first,
   *     before the ledger is opened or a port bound), the ledger cannot be opened or the port bound
   */
  public static DxRewriteServer start(ServerConfig config) {
    // an index that cannot run here (gpu without a GPU) is refused before a port or the ledger
    config.index().checkAvailable();
    PrivacyLedger ledger = PrivacyLedger.open(config.ledger());
    Vertx vertx = Vertx.vertx();
    NwCurves curves = null;
    try {
      ServerMetrics metrics = new ServerMetrics();
      ApiKeyAuthenticator auth = new ApiKeyAuthenticator(config);
      TenantBudgets tenantBudgets = new TenantBudgets(ledger, config::budgetOf,
          config::subjectBudgetOf, config.subjectKeys());
      RewriteEngine engine = new RewriteEngine();
      curves = new NwCurves(engine::context, config.calibration().seed());
      RewriteRequests requests = new RewriteRequests(config.maxTexts(), config.maxTextChars(),
          engine, config.allowSeed(), config.allowOovKeep());
      ChargedRewrite charged = new ChargedRewrite(vertx, tenantBudgets, metrics);
      InfoHandlers info =
          new InfoHandlers(engine, tenantBudgets, metrics, spec(), config.authEnabled());
      RewriteHandler rewrite = new RewriteHandler(engine, requests, charged, config.deadline());
      StreamRewriteHandler stream = new StreamRewriteHandler(engine, requests, charged,
          STREAM_WINDOW, config.maxTextChars() * 4 + 1024);
      Map<String, Handler<RoutingContext>> handlers = Map.of(
          "rewrite", rewrite::handle,
          "rewriteStream", stream::handle,
          "mechanisms", info::mechanisms,
          "embeddings", info::embeddings,
          "budget", info::budget,
          "live", info::live,
          "ready", info::ready,
          "metrics", info::metrics,
          "openapi", info::openapi,
          "nwCurve", new NwCurveHandler(engine, curves)::handle);
      var router = ApiRouter.contract(vertx)
          .map(contract -> ApiRouter.create(vertx, contract, new AccessLog(metrics), auth,
              new OperatorKey(config), config.bodyLimitBytes(), handlers))
          .await();
      if (config.playground()) {
        new PlaygroundRoutes(config.authEnabled(), config.maxTextChars(), config.maxTexts())
            .mount(router);
      }
      HttpServer http = listen(vertx, config, router);
      LOG.info("listening on {}://{}:{}; auth {}; ledger {} ({} charges, {} subjects); workers"
              + " {}; seed {}; oov keep {}; subject accounting {}; /metrics {}; playground {}",
          config.tls().isPresent() ? "https" : "http", config.host(), http.actualPort(),
          auth.enabled() ? "ON (" + config.tenants().size() + " tenants)"
              : "OFF: every request is charged to tenant '" + ServerConfig.ANONYMOUS_TENANT
                  + "'; for local use only",
          config.ledger(), ledger.size(), ledger.subjectCount(), config.workers(),
          config.allowSeed() ? "ALLOWED" : "refused", config.allowOovKeep() ? "ALLOWED" : "refused",
          config.subjectKeys().isPresent() ? "on" : "off",
          config.operatorKey().isPresent() ? "operator key" : config.metricsOpen() ? "open (loopback)"
              : "disabled (no operator_key)",
          config.playground() ? "on (/playground)" : "off");
      if (config.unauthenticatedRemote()) {
        LOG.warn("auth is OFF on {}, which is not a loopback address (allow_unauthenticated_remote"
            + " is set): anyone who can reach port {} can use the API and spend the budget of"
            + " tenant '{}'", config.host(), http.actualPort(), ServerConfig.ANONYMOUS_TENANT);
      }
      if (config.tls().isEmpty() && !ServerConfig.isLoopback(config.host())) {
        LOG.warn("serving plain HTTP on {}, which is not a loopback address: API keys and texts"
            + " cross the network unencrypted unless a TLS-terminating proxy is in front; set"
            + " tls_cert and tls_key to serve HTTPS", config.host());
      }
      Future<Void> loaded = vertx.executeBlocking(() -> {
        engine.load(config.embeddings(), config.index(), config.outputVocabulary(),
            config.workers(), MAX_BATCH_TEXTS, config.calibration());
        return null;
      }, false);
      return new DxRewriteServer(vertx, http, ledger, engine, curves, loaded);
    } catch (RuntimeException e) {
      if (curves != null) {
        curves.close();
      }
      vertx.close();
      ledger.close();
      throw e;
    }
  }

  /**
   * Binds the port, over TLS when {@code tls_cert}/{@code tls_key} are set.
   *
   * @throws InvalidParameterException if the TLS files cannot be used as a PEM certificate and key
   *     (naming the files and the exception type, never their content)
   */
  private static HttpServer listen(Vertx vertx, ServerConfig config,
      Handler<HttpServerRequest> router) {
    HttpServerOptions options = new HttpServerOptions()
        .setHost(config.host()).setPort(config.port()).setIdleTimeout(IDLE_TIMEOUT_SECONDS)
        .setIdleTimeoutUnit(TimeUnit.SECONDS);
    config.tls().ifPresent(tls -> options.setSsl(true).setKeyCertOptions(new PemKeyCertOptions()
        .setCertPath(tls.cert().toString()).setKeyPath(tls.key().toString())));
    try {
      return vertx.createHttpServer(options).requestHandler(router).listen().await();
    } catch (RuntimeException e) {
      if (config.tls().isEmpty() || rootCause(e) instanceof java.net.BindException) {
        throw e;
      }
      throw new InvalidParameterException("cannot serve TLS with tls_cert " + config.tls().get().cert()
          + " and tls_key " + config.tls().get().key() + ": they must be an unencrypted PEM"
          + " certificate chain and its private key (" + rootCause(e).getClass().getSimpleName()
          + ")");
    }
  }

  private static Throwable rootCause(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t;
  }

  private static Buffer spec() {
    try (InputStream in = DxRewriteServer.class.getClassLoader().getResourceAsStream(ApiRouter.SPEC)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + ApiRouter.SPEC);
      }
      return Buffer.buffer(in.readAllBytes());
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + ApiRouter.SPEC, e);
    }
  }

  /**
   * @return the bound port
   */
  public int port() {
    return http.actualPort();
  }

  /**
   * @return completes when the embeddings are loaded (fails if loading failed)
   */
  public Future<Void> loaded() {
    return loaded;
  }

  /**
   * Graceful shutdown: stop accepting, wait up to {@value #SHUTDOWN_GRACE_SECONDS} s for in-flight
   * requests, stop the workers, force and close the ledger, stop Vert.x. Idempotent.
   */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    LOG.info("shutting down: no new connections; finishing in-flight requests");
    try {
      http.shutdown(SHUTDOWN_GRACE_SECONDS, TimeUnit.SECONDS).await();
    } finally {
      curves.close();
      engine.close();
      ledger.close();
      vertx.close().await();
      LOG.info("stopped; ledger {} flushed", ledger.path());
    }
  }
}
