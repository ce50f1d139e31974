package io.dxrewrite.server.api;

import io.dxrewrite.rewrite.PrivacyReport;
import io.dxrewrite.rewrite.RewriteResult;
import io.vertx.core.json.JsonObject;

/** JSON shapes of results and privacy reports (snake_case, as in the OpenAPI {@code Report}). */
public final class ResultJson {
  private ResultJson() {}

  /**
   * @param r a privacy report
   * @return its JSON object; {@code target_nw} only when epsilon was calibrated from it; {@code
   *     entities} maps kinds to counts ({@code {"PERSON": 2}})
   */
  public static JsonObject report(PrivacyReport r) {
    JsonObject json = new JsonObject()
        .put("mechanism", r.mechanism())
        .put("epsilon_per_word", r.epsilonPerWord())
        .put("words", r.words())
        .put("words_perturbed", r.wordsPerturbed())
        .put("oov_words", r.oovWords())
        .put("oov_policy", r.oovPolicy())
        .put("oov_kept", r.oovKept())
        .put("skipped_words", r.skippedWords())
        .put("total_epsilon", r.totalEpsilon())
        .put("seeded", r.seeded())
        .put("entity_treatment", r.entityTreatment())
        .put("entities", new JsonObject(new java.util.LinkedHashMap<String, Object>(r.entities())));
    if (r.targetNw() != null) {
      json.put("target_nw", r.targetNw());
    }
    return json;
  }

  /**
   * @param r a result
   * @return {@code {"text": ..., "report": ...}}
   */
  public static JsonObject result(RewriteResult r) {
    return new JsonObject().put("text", r.text()).put("report", report(r.report()));
  }
}
