package io.dxrewrite.server.api;

import io.dxrewrite.text.UnpairedSurrogates;
import io.dxrewrite.entity.EntityTreatment;
import io.dxrewrite.error.DxPreconditions;
import io.dxrewrite.mechanism.MechanismParameters;
import io.dxrewrite.mechanism.Mechanisms;
import io.dxrewrite.mechanism.spec.MechanismCatalogue;
import io.dxrewrite.mechanism.spec.ParameterSpec;
import io.dxrewrite.rewrite.CasingPolicy;
import io.dxrewrite.rewrite.OovPolicy;
import io.dxrewrite.rewrite.RewriteOptions;
import io.dxrewrite.server.ledger.SubjectKeys;
import io.dxrewrite.server.rewrite.RewriteEngine;
import io.dxrewrite.server.rewrite.TargetNwCalibrations;
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
 * limits. Every message names a field or a limit, never the text. A {@code target_nw} is turned
 * into its calibrated epsilon ({@link TargetNwCalibrations}); while that calibration runs the
 * request is answered 503 {@code calibrating} with {@code Retry-After}.
 */
public final class RewriteRequests {
  /** Seconds a client is asked to wait while a {@code target_nw} calibration runs. */
  static final int CALIBRATION_RETRY_AFTER_SECONDS = 5;

  private final int maxTexts;
  private final int maxTextChars;
  private final RewriteEngine engine;
  private final boolean allowSeed;
  private final boolean allowOovKeep;

  /**
   * Requests parsed with {@code seed} and {@code oov: keep} refused.
   *
   * @param maxTexts most texts per request
   * @param maxTextChars most characters (UTF-16 units) per text
   * @param engine the engine, for {@code target_nw} calibrations
   */
  public RewriteRequests(int maxTexts, int maxTextChars, RewriteEngine engine) {
    this(maxTexts, maxTextChars, engine, false, false);
  }

  /**
   * @param maxTexts most texts per request
   * @param maxTextChars most characters (UTF-16 units) per text
   * @param engine the engine, for {@code target_nw} calibrations
   * @param allowSeed the operator's {@code allow_seed}: accept a caller-chosen seed
   * @param allowOovKeep the operator's {@code allow_oov_keep}: accept {@code oov: keep}
   */
  public RewriteRequests(int maxTexts, int maxTextChars, RewriteEngine engine, boolean allowSeed,
      boolean allowOovKeep) {
    this.maxTexts = maxTexts;
    this.maxTextChars = maxTextChars;
    this.engine = engine;
    this.allowSeed = allowSeed;
    this.allowOovKeep = allowOovKeep;
  }

  /**
   * The data subjects of a {@code POST /v1/rewrite} body: {@code subject} with {@code text},
   * {@code subjects} (one per text) with {@code texts}.
   *
   * @param body the validated body
   * @param texts how many texts it holds
   * @return one raw subject key or null per text
   * @throws ApiException 422 {@code invalid_parameter} if {@code subjects} does not have one
   *     entry per text, a subject is empty or longer than {@link SubjectKeys#MAX_SUBJECT_CHARS},
   *     or the field does not match {@code text}/{@code texts}
   */
  public List<String> subjects(JsonObject body, int texts) {
    List<String> subjects = new ArrayList<>();
    if (body.containsKey("subject")) {
      if (!body.containsKey("text")) {
        throw new ApiException(422, "invalid_parameter",
            "subject goes with text; with texts give subjects, one per text");
      }
      subjects.add(body.getString("subject"));
    } else if (body.containsKey("subjects")) {
      if (!body.containsKey("texts")) {
        throw new ApiException(422, "invalid_parameter",
            "subjects goes with texts; with text give subject");
      }
      JsonArray array = body.getJsonArray("subjects");
      if (array.size() != texts) {
        throw new ApiException(422, "invalid_parameter", "subjects must have one entry per text: "
            + texts + " texts, " + array.size() + " subjects");
      }
      for (int i = 0; i < array.size(); i++) {
        subjects.add(array.getString(i));
      }
    } else {
      for (int i = 0; i < texts; i++) {
        subjects.add(null);
      }
    }
    for (int i = 0; i < subjects.size(); i++) {
      checkSubject(subjects.get(i), "text " + i);
    }
    return subjects;
  }

  /**
   * @param subject a raw subject key, or null for none
   * @param position the record's position, named in the message (e.g. {@code "line 3"})
   * @throws ApiException 422 {@code invalid_parameter} if it is empty or too long
   */
  public static void checkSubject(String subject, String position) {
    if (subject != null && !SubjectKeys.isValidSubject(subject)) {
      throw new ApiException(422, "invalid_parameter", "the subject of " + position
          + " must have 1 to " + SubjectKeys.MAX_SUBJECT_CHARS + " characters");
    }
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
   * @throws ApiException 413 {@code text_too_long}; 422 {@code invalid_text} for an unpaired
   *     surrogate escape ({@link UnpairedSurrogates}, the rule every front end applies)
   */
  public void checkText(String text, int index) {
    if (text.length() > maxTextChars) {
      throw new ApiException(413, "text_too_long",
          "text " + index + " has more than " + maxTextChars + " characters");
    }
    if (UnpairedSurrogates.firstIn(text) >= 0) {
      throw new ApiException(422, "invalid_text", "text " + index + " " + UnpairedSurrogates.describe(text));
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
        body.containsKey("epsilon") ? toDouble("epsilon", body.getValue("epsilon")) : null,
        body.containsKey("target_nw") ? toDouble("target_nw", body.getValue("target_nw")) : null,
        body.containsKey("lambda") ? toDouble("lambda", body.getValue("lambda")) : null,
        body.containsKey("t") ? toDouble("t", body.getValue("t")) : null,
        body.containsKey("beta") ? toDouble("beta", body.getValue("beta")) : null,
        seed == null ? OptionalLong.empty() : OptionalLong.of(toLong(seed)),
        body.getString("oov"),
        body.getString("entities")).withCasing(casing(body.getString("casing")));
  }

  /**
   * @param casing the request's {@code casing}, or null for the default
   * @return the policy: structural by default, keep releases the input's casing
   * @throws ApiException 422 naming the allowed values
   */
  private static CasingPolicy casing(String casing) {
    if (casing == null) {
      return CasingPolicy.STRUCTURAL;
    }
    if (!CasingPolicy.cliNames().contains(casing)) {
      throw new ApiException(422, "invalid_parameter",
          "casing must be one of: " + String.join(", ", CasingPolicy.cliNames()));
    }
    return CasingPolicy.fromCliName(casing);
  }

  /**
   * The options of a {@code POST /v1/rewrite/stream} query string.
   *
   * @param query the query parameters
   * @return the options
   * @throws ApiException 422 for a missing, unknown, unparsable or out-of-range parameter
   */
  public RewriteOptions options(MultiMap query) {
    String seed = query.get("seed");
    OptionalLong s = OptionalLong.empty();
    if (seed != null) {
      try {
        s = OptionalLong.of(Long.parseLong(seed));
      } catch (NumberFormatException e) {
        throw seedError();
      }
    }
    return build(query.get("mechanism"), number(query, "epsilon"), number(query, "target_nw"),
        number(query, "lambda"), number(query, "t"), number(query, "beta"), s, query.get("oov"),
        query.get("entities"))
        .withCasing(casing(query.get("casing")));
  }

  private static Double number(MultiMap query, String name) {
    String value = query.get(name);
    if (value == null) {
      return null;
    }
    try {
      return Double.parseDouble(value);
    } catch (NumberFormatException e) {
      throw new ApiException(422, "invalid_parameter", name + " must be a number");
    }
  }

  private RewriteOptions build(
      String mechanism, Double epsilon, Double targetNw, Double lambda, Double t, Double beta,
      OptionalLong seed, String oov, String entities) {
    if (seed.isPresent() && !allowSeed) {
      throw new ApiException(403, "option_disabled", "seed is disabled on this server: whoever"
          + " knows a seed knows the noise, so seeded output has no privacy against them; for"
          + " tests and audits the operator can enable it with allow_seed=true (environment"
          + " DX_REWRITE_ALLOW_SEED=true, dx-rewrite serve --allow-seed)");
    }
    if ("keep".equals(oov) && !allowOovKeep) {
      throw new ApiException(403, "option_disabled", "oov=keep is disabled on this server: it"
          + " copies words outside the vocabulary through unprotected; the operator can enable it"
          + " with allow_oov_keep=true (environment DX_REWRITE_ALLOW_OOV_KEEP=true, dx-rewrite"
          + " serve --allow-oov-keep)");
    }
    if ((epsilon == null) == (targetNw == null)) {
      throw new ApiException(422, "invalid_parameter",
          "give exactly one of epsilon (epsilon per word) and target_nw (share of words unchanged, in"
              + " (0, 1))");
    }
    String name = mechanism == null ? MechanismCatalogue.DEFAULT_MECHANISM : mechanism;
    java.util.Optional<String> withdrawn = Mechanisms.withdrawalReason(name);
    if (withdrawn.isPresent()) {
      throw new ApiException(422, "withdrawn_mechanism", withdrawn.get());
    }
    if (!Mechanisms.names().contains(name)) {
      throw new ApiException(422, "unknown_mechanism",
          "unknown mechanism; allowed: " + String.join(", ", Mechanisms.names()));
    }
    OovPolicy policy;
    if (oov == null || oov.equals("unk")) {
      policy = OovPolicy.UNK;
    } else if (oov.equals("keep")) {
      policy = OovPolicy.KEEP;
    } else {
      throw new ApiException(422, "invalid_parameter", "oov must be one of: unk, keep");
    }
    EntityTreatment treatment = EntityTreatment.PLACEHOLDER;
    if (entities != null) {
      List<String> allowed =
          java.util.Arrays.stream(EntityTreatment.values()).map(EntityTreatment::cliName).toList();
      if (!allowed.contains(entities)) {
        throw new ApiException(422, "invalid_parameter",
            "entities must be one of: " + String.join(", ", allowed));
      }
      treatment = EntityTreatment.fromCliName(entities);
    }
    // applicability and ranges from the catalogue; its InvalidParameterException is a 422
    // invalid_parameter naming the field
    MechanismParameters parameters =
        MechanismCatalogue.parameters(name, lambda, t, beta, ParameterSpec::name);
    RewriteOptions.Builder options = RewriteOptions.builder().mechanism(name)
        .parameters(parameters).seed(seed).oovPolicy(policy).entities(treatment);
    if (targetNw != null) {
      if (!MechanismCatalogue.TARGET_NW.range().contains(targetNw)) {
        throw new ApiException(422, "invalid_parameter", "target_nw must be a share of words"
            + " unchanged in " + MechanismCatalogue.TARGET_NW.range().describe() + ", got " + targetNw);
      }
      options.epsilon(calibratedEpsilon(name, parameters, targetNw)).targetNw(targetNw);
    } else {
      DxPreconditions.checkEpsilon(epsilon);
      options.epsilon(epsilon);
    }
    return options.build();
  }

  /**
   * @throws ApiException 503 {@code calibrating} (with {@code Retry-After}) while the calibration
   *     runs or too many are queued
   */
  private double calibratedEpsilon(String mechanism, MechanismParameters parameters,
      double targetNw) {
    TargetNwCalibrations.State state =
        engine.calibrations().lookup(mechanism, parameters, targetNw);
    if (state instanceof TargetNwCalibrations.Ready ready) {
      return ready.calibration().epsilon();
    }
    boolean busy = state instanceof TargetNwCalibrations.Busy;
    throw new ApiException(503, "calibrating", busy
        ? "too many target_nw calibrations are queued; retry later or give epsilon"
        : "the epsilon for this mechanism and target_nw is being calibrated; retry shortly",
        new JsonObject(), busy ? 6 * CALIBRATION_RETRY_AFTER_SECONDS
            : CALIBRATION_RETRY_AFTER_SECONDS);
  }

  private static double toDouble(String name, Object value) {
    if (value instanceof Number n) {
      return n.doubleValue();
    }
    throw new ApiException(422, "invalid_parameter", name + " must be a number");
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
