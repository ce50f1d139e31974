package io.dxrewrite.server.api;

import io.dxrewrite.rewrite.RewriteOptions;
import io.dxrewrite.server.observability.AccessLog;
import io.dxrewrite.server.rewrite.RewriteEngine;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayDeque;
import java.util.List;

/**
 * {@code POST /v1/rewrite/stream}: NDJSON in ({@code {"text": "..."}} per line, optionally with
 * {@code "subject"}), NDJSON out, one line per input line, in order. Line N is record key N - 1,
 * so with a seed no two lines of a stream share their noise. At most {@code window} lines are in flight; the request is
 * paused while the window is full or the client reads slower than we write (the response's write
 * queue is full), so a slow client never makes the server buffer the whole stream. A bad line
 * yields {@code {"line": N, "error": {...}}} and the stream goes on. Each line is charged to the
 * ledger before its output line is written.
 */
public final class StreamRewriteHandler {
  private final RewriteEngine engine;
  private final RewriteRequests requests;
  private final ChargedRewrite charged;
  private final int window;
  private final int maxLineBytes;

  /**
   * @param engine the engine
   * @param requests request parsing and limits
   * @param charged rewrite-then-charge
   * @param window most lines in flight per stream
   * @param maxLineBytes longest input line, in bytes
   */
  public StreamRewriteHandler(RewriteEngine engine, RewriteRequests requests,
      ChargedRewrite charged, int window, int maxLineBytes) {
    this.engine = engine;
    this.requests = requests;
    this.charged = charged;
    this.window = window;
    this.maxLineBytes = maxLineBytes;
  }

  /**
   * @param ctx the request (its body not read yet)
   */
  public void handle(RoutingContext ctx) {
    Readiness.require(engine);
    RewriteOptions options = requests.options(ctx.queryParams());
    new Session(ctx, options).start();
  }

  /** One stream. Runs on the request's event loop only. */
  private final class Session {
    private final RoutingContext ctx;
    private final RewriteOptions options;
    private final HttpServerRequest request;
    private final HttpServerResponse response;
    private final ArrayDeque<Future<Buffer>> inFlight = new ArrayDeque<>();
    private final String tenant;
    private final String requestId;
    private int lineNumber;
    private boolean ended;
    private boolean paused;
    private boolean pumping;
    private boolean again;

    Session(RoutingContext ctx, RewriteOptions options) {
      this.ctx = ctx;
      this.options = options;
      this.request = ctx.request();
      this.response = ctx.response();
      this.tenant = ctx.get(AccessLog.TENANT);
      this.requestId = ctx.get(AccessLog.REQUEST_ID);
    }

    void start() {
      response.setChunked(true).putHeader("Content-Type", "application/x-ndjson");
      NdjsonSplitter splitter = new NdjsonSplitter(maxLineBytes, this::onLine);
      request.handler(splitter::feed);
      request.endHandler(v -> {
        splitter.end();
        ended = true;
        pump();
      });
      request.exceptionHandler(err -> ended = true);
      request.resume();
    }

    private void onLine(NdjsonSplitter.Line line) {
      int n = ++lineNumber;
      Future<Buffer> out = line.tooLong()
          ? Future.succeededFuture(error(n, new ApiException(413, "line_too_long",
              "line " + n + " is longer than " + maxLineBytes + " bytes")))
          : process(n, line.bytes());
      inFlight.add(out);
      out.onComplete(ar -> pump());
      if (inFlight.size() >= window && !paused) {
        paused = true;
        request.pause();
      }
    }

    private Future<Buffer> process(int n, Buffer bytes) {
      String text;
      String subject;
      try {
        StrictBody.check(bytes, "line " + n);
        JsonObject json = new JsonObject(bytes);
        Object subjectValue = json.getValue("subject");
        boolean subjectOk = subjectValue == null ? !json.containsKey("subject")
            : subjectValue instanceof String;
        if (!(json.getValue("text") instanceof String s) || !subjectOk
            || json.size() != (json.containsKey("subject") ? 2 : 1)) {
          throw new ApiException(400, "invalid_request", "line " + n
              + " must be a JSON object {\"text\": string} or {\"text\": string, \"subject\":"
              + " string}");
        }
        text = s;
        subject = (String) subjectValue;
        requests.checkText(text, n);
        RewriteRequests.checkSubject(subject, "line " + n);
      } catch (DecodeException e) {
        return Future.succeededFuture(error(n, Errors.malformed()));
      } catch (ApiException e) {
        return Future.succeededFuture(error(n, e));
      }
      List<String> subjects = new java.util.ArrayList<>();
      subjects.add(subject);
      return charged.run(engine.service(), tenant, requestId + ":" + n,
              new ChargedRewrite.Records(List.of(text), subjects, n - 1L, i -> "line " + n),
              options, new Deadline())
          .map(c -> new JsonObject()
              .put("line", n)
              .put("text", c.results().get(0).text())
              .put("report", ResultJson.report(c.results().get(0).report()))
              .toBuffer().appendByte((byte) '\n'))
          .recover(err -> Future.succeededFuture(error(n, Errors.toApiException(err, -1))));
    }

    private Buffer error(int n, ApiException e) {
      return new JsonObject().put("line", n).put("error", e.toErrorObject())
          .toBuffer().appendByte((byte) '\n');
    }

    /** Writes every finished line at the head, in order, and resumes reading when there is room. */
    private void pump() {
      if (pumping) {
        again = true;
        return;
      }
      pumping = true;
      try {
        do {
          again = false;
          pumpOnce();
        } while (again);
      } finally {
        pumping = false;
      }
    }

    private void pumpOnce() {
      if (response.ended() || response.closed()) {
        return;
      }
      while (!inFlight.isEmpty() && inFlight.peek().isComplete()) {
        response.write(inFlight.poll().result());
      }
      if (ended && inFlight.isEmpty()) {
        response.end();
        return;
      }
      if (response.writeQueueFull()) {
        response.drainHandler(v -> pump());
        if (!paused) {
          paused = true;
          request.pause();
        }
        return;
      }
      if (paused && !ended && inFlight.size() < window) {
        paused = false;
        request.resume();
      }
    }
  }
}
