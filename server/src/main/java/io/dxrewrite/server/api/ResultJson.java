package io.dxrewrite.server.api;

import io.dxrewrite.rewrite.PrivacyReport;
import io.dxrewrite.rewrite.RewriteResult;
import io.dxrewrite.rewrite.WordMark;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** JSON shapes of results and privacy reports (snake_case, as in the OpenAPI {@code Report}). */
public final class ResultJson {
  private ResultJson() {}

  /**
   * @param r a privacy report
   * @return its JSON object, {@link PrivacyReport#toMap()} (as the CLI's report lines and the
   *     Spark column's JSON); {@code target_nw} only when epsilon was calibrated from it; {@code
   *     entities} maps kinds to counts ({@code {"PERSON": 2}})
   */
  public static JsonObject report(PrivacyReport r) {
    JsonObject json = new JsonObject();
    r.toMap().forEach((name, value) -> {
      if (value instanceof java.util.Map<?, ?> map) {
        JsonObject counts = new JsonObject();
        map.forEach((kind, count) -> counts.put(String.valueOf(kind), count));
        json.put(name, counts);
      } else {
        json.put(name, value);
      }
    });
    return json;
  }

  /**
   * @param r a result
   * @return {@code {"text": ..., "report": ...}}
   */
  public static JsonObject result(RewriteResult r) {
    return new JsonObject().put("text", r.text()).put("report", report(r.report()));
  }

  /**
   * @param r a result
   * @param withMarks whether to add its word marks
   * @return {@code {"text": ..., "report": ...}}, with {@code "marks": [{"start", "end", "kind"},
   *     ...]} (UTF-16 offsets into the text, {@link WordMark.Kind#apiName()}) when asked
   */
  public static JsonObject result(RewriteResult r, boolean withMarks) {
    JsonObject json = result(r);
    if (withMarks) {
      JsonArray marks = new JsonArray();
      for (WordMark m : r.marks()) {
        marks.add(new JsonObject().put("start", m.start()).put("end", m.end())
            .put("kind", m.kind().apiName()));
      }
      json.put("marks", marks);
    }
    return json;
  }
}
