package io.dxrewrite.server.api;

import io.dxrewrite.error.DxPreconditions;
import io.dxrewrite.mechanism.Mechanisms;
import io.dxrewrite.rewrite.OovPolicy;
import io.dxrewrite.rewrite.RewriteOptions;
import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * Turns a schema-validated request into texts and {@link RewriteOptions}, applying the server's
 * limits. Every message names a field or a limit, never the text.
 */
public final class RewriteRequests {
  private final int maxTexts;
  private final int maxTextChars;

  /**
   * @param maxTexts most texts per request
   * @param maxTextChars most characters (UTF-16 units) per text
   */
  public RewriteRequests(int maxTexts, int maxTextChars) {
    this.maxTexts = maxTexts;
    this.maxTextChars = maxTextChars;
  }

  /**
   * The texts of a {@code POST /v1/rewrite} body.
   *
   * @param body the validated body ({@code text} or {@code texts})
   * @return the texts, at least one
   * @throws ApiException 413 {@code too_many_texts} or {@code text_too_long}
   */
  public List<String> texts(JsonObject body) {
    List<String> texts = new ArrayList<>();
    if (body.containsKey("text")) {
      texts.add(body.getString("text"));
    } else {
      JsonArray array = body.getJsonArray("texts");
      if (array.size() > maxTexts) {
        throw new ApiException(413, "too_many_texts",
            "at most " + maxTexts + " texts per request, got " + array.size());
      }
      for (int i = 0; i < array.size(); i++) {
        texts.add(array.getString(i));
      }
    }
    for (int i = 0; i < texts.size(); i++) {
      checkText(texts.get(i), i);
    }
    return texts;
  }

  /**
   * @param text one text
   * @param index its 0-based position, named in the message
   * @throws ApiException 413 {@code text_too_long}
   */
  public void checkText(String text, int index) {
    if (text.length() > maxTextChars) {
      throw new ApiException(413, "text_too_long",
          "text " + index + " has more than " + maxTextChars + " characters");
    }
  }

  /**
   * The options of a {@code POST /v1/rewrite} body.
   *
   * @param body the validated body
   * @return the options
   * @throws ApiException 422 for a missing, unknown or out-of-range parameter
   */
  public RewriteOptions options(JsonObject body) {
    Object seed = body.getValue("seed");
    return build(
        body.getString("mechanism"),
        body.containsKey("epsilon") ? toDouble(body.getValue("epsilon")) : null,
        body.containsKey("target_nw"),
        seed == null ? OptionalLong.empty() : OptionalLong.of(toLong(seed)),
        body.getString("oov"));
  }

  /**
   * The options of a {@code POST /v1/rewrite/stream} query string.
   *
   * @param query the query parameters
   * @return the options
   * @throws ApiException 422 for a missing, unknown, unparsable or out-of-range parameter
   */
  public RewriteOptions options(MultiMap query) {
    String epsilon = query.get("epsilon");
    String seed = query.get("seed");
    Double eps = null;
    if (epsilon != null) {
      try {
        eps = Double.parseDouble(epsilon);
      } catch (NumberFormatException e) {
        throw new ApiException(422, "invalid_parameter", "epsilon must be a number");
      }
    }
    OptionalLong s = OptionalLong.empty();
    if (seed != null) {
      try {
        s = OptionalLong.of(Long.parseLong(seed));
      } catch (NumberFormatException e) {
        throw seedError();
      }
    }
    return build(query.get("mechanism"), eps, query.contains("target_nw"), s, query.get("oov"));
  }

  private RewriteOptions build(
      String mechanism, Double epsilon, boolean targetNw, OptionalLong seed, String oov) {
    if (targetNw) {
      throw new ApiException(422, "target_nw_unavailable",
          "target_nw calibration not available yet; give epsilon instead");
    }
    if (epsilon == null) {
      throw new ApiException(422, "invalid_parameter", "epsilon is required (epsilon per word)");
    }
    String name = mechanism == null ? "cmp" : mechanism;
    if (!Mechanisms.names().contains(name)) {
      throw new ApiException(422, "unknown_mechanism",
          "unknown mechanism; allowed: " + String.join(", ", Mechanisms.names()));
    }
    DxPreconditions.checkEpsilon(epsilon);
    OovPolicy policy;
    if (oov == null || oov.equals("unk")) {
      policy = OovPolicy.UNK;
    } else if (oov.equals("keep")) {
      policy = OovPolicy.KEEP;
    } else {
      throw new ApiException(422, "invalid_parameter", "oov must be one of: unk, keep");
    }
    return RewriteOptions.builder()
        .mechanism(name)
        .epsilon(epsilon)
        .seed(seed)
        .oovPolicy(policy)
        .build();
  }

  private static double toDouble(Object value) {
    if (value instanceof Number n) {
      return n.doubleValue();
    }
    throw new ApiException(422, "invalid_parameter", "epsilon must be a number");
  }

  private static long toLong(Object value) {
    if (value instanceof Integer || value instanceof Long) {
      return ((Number) value).longValue();
    }
    if (value instanceof BigInteger b && b.bitLength() < 64) {
      return b.longValue();
    }
    if (value instanceof BigDecimal d) {
      try {
        return d.longValueExact();
      } catch (ArithmeticException e) {
        throw seedError();
      }
    }
    throw seedError();
  }

  private static ApiException seedError() {
    return new ApiException(422, "invalid_parameter",
        "seed must be an integer in [" + Long.MIN_VALUE + ", " + Long.MAX_VALUE + "]");
  }
}
