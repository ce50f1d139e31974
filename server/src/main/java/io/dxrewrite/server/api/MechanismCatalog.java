package io.dxrewrite.server.api;

import io.dxrewrite.entity.EntityTreatment;
import io.dxrewrite.mechanism.spec.MechanismCatalogue;
import io.dxrewrite.mechanism.spec.MechanismSpec;
import io.dxrewrite.mechanism.spec.ParameterSpec;
import io.dxrewrite.mechanism.spec.Range;
import io.dxrewrite.rewrite.Guarantee;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The body of {@code GET /v1/mechanisms}: each mechanism of {@link MechanismCatalogue} with the
 * parameters it accepts, their units, defaults and allowed ranges, all rendered from the
 * catalogue, followed by the request options of this API (seed, oov, casing, entities). Epsilon
 * is per word, in inverse units of the mechanism's metric; epsilons of different mechanisms are
 * not comparable.
 */
final class MechanismCatalog {
  private MechanismCatalog() {}

  /**
   * Withdrawn mechanisms ({@link MechanismCatalogue#WITHDRAWN}) are not listed.
   *
   * @return {@code {"mechanisms": [{"name", "description", "metric", "epsilon_units", "guarantee",
   *     "parameters": [...]}, ...]}}: name, description, metric and units of epsilon from the
   *     catalogue's {@link MechanismSpec}, the parameters from {@link
   *     MechanismCatalogue#parametersOf}, the guarantee note from {@link Guarantee#SUMMARY}
   */
  static JsonObject describe() {
    JsonArray list = new JsonArray();
    for (MechanismSpec spec : MechanismCatalogue.MECHANISMS) {
      JsonArray parameters = new JsonArray();
      for (ParameterSpec p : MechanismCatalogue.parametersOf(spec.name())) {
        parameters.add(parameter(p, spec.name()));
      }
      parameters
          .add(new JsonObject().put("name", "seed").put("type", "integer").put("required", false)
              .put("description",
                  "reproducible output for tests and audits; flagged in every report"))
          .add(new JsonObject().put("name", "oov").put("type", "string").put("required", false)
              .put("default", "unk").put("allowed", new JsonArray().add("unk").add("keep")))
          .add(new JsonObject().put("name", "casing").put("type", "string").put("required", false)
              .put("default", "structural").put("allowed", new JsonArray().add("structural").add("keep"))
              .put("description", "structural: output casing from public structure only; keep"
                  + " re-applies the input casing (released unprotected, reported as released)"))
          .add(new JsonObject().put("name", "entities").put("type", "string")
              .put("required", false).put("default", EntityTreatment.PLACEHOLDER.cliName())
              .put("allowed", new JsonArray(java.util.Arrays.stream(EntityTreatment.values())
                  .map(EntityTreatment::cliName).toList())));
      list.add(new JsonObject().put("name", spec.name()).put("description", spec.description())
          .put("metric", spec.metric()).put("epsilon_units", spec.epsilonUnits())
          .put("guarantee", Guarantee.SUMMARY)
          .put("parameters", parameters));
    }
    return new JsonObject().put("mechanisms", list);
  }

  /**
   * @param p a parameter from the catalogue
   * @param mechanism a mechanism it applies to
   * @return {@code {"name", "type", "required": false, "unit", ["default"], "minimum" or
   *     "exclusive_minimum", "maximum" or "exclusive_maximum", "description"}}: the closed or
   *     open ends of {@link ParameterSpec#range()}, and the mechanism's default if it has one
   *     (epsilon and target_nw have none: a request gives exactly one of them)
   */
  private static JsonObject parameter(ParameterSpec p, String mechanism) {
    Range range = p.range();
    JsonObject json = new JsonObject().put("name", p.name()).put("type", p.type())
        .put("required", false).put("unit", p.unit());
    p.defaultFor(mechanism).ifPresent(d -> json.put("default", d));
    json.put(range.lowerClosed() ? "minimum" : "exclusive_minimum", range.lower());
    json.put(range.upperClosed() ? "maximum" : "exclusive_maximum", range.upper());
    return json.put("description", p.description());
  }
}
