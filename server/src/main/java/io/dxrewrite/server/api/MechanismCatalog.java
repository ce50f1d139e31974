package io.dxrewrite.server.api;

import io.dxrewrite.entity.EntityTreatment;
import io.dxrewrite.mechanism.MahalanobisMechanism;
import io.dxrewrite.mechanism.Mechanisms;
import io.dxrewrite.mechanism.MultivariateLaplaceMechanism;
import io.dxrewrite.mechanism.TruncatedGumbelMechanism;
import io.dxrewrite.mechanism.VickreyMechanism;
import io.dxrewrite.rewrite.Guarantee;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.OptionalDouble;

/**
 * The body of {@code GET /v1/mechanisms}: each mechanism of {@link Mechanisms#names()} with the
 * parameters it accepts, their defaults and allowed ranges. Epsilon is per word, in inverse units
 * of embedding distance; epsilons of different mechanisms are not comparable.
 */
final class MechanismCatalog {
  private MechanismCatalog() {}

  /**
   * @param truncatedGumbelMinimum the store's smallest (exclusive) truncated-Gumbel epsilon,
   *     {@code TruncatedGumbelCalibration.minimumEpsilon(V, deltaMin)}, or empty while the
   *     neighbourhood table that holds deltaMin is not loaded
   * @return {@code {"mechanisms": [{"name", "description", "metric", "epsilon_units", "guarantee",
   *     "parameters": [...]}, ...]}}: the metric and units of epsilon from {@link
   *     Mechanisms#metric} and {@link Mechanisms#epsilonUnits}, the guarantee note from {@link
   *     Guarantee#SUMMARY}
   */
  static JsonObject describe(OptionalDouble truncatedGumbelMinimum) {
    JsonArray list = new JsonArray();
    for (String name : Mechanisms.names()) {
      JsonArray parameters = new JsonArray().add(epsilon(name, truncatedGumbelMinimum));
      String description = switch (name) {
        case MultivariateLaplaceMechanism.NAME -> "multivariate Laplace noise on the embedding,"
            + " then the nearest word (Feyisetan et al., WSDM 2020); epsilon-metric DP, Euclidean";
        case MahalanobisMechanism.NAME -> {
          parameters.add(unitInterval("lambda", MahalanobisMechanism.DEFAULT_LAMBDA,
              "Mahalanobis regularisation: noise stretched by (lambda Sigma + (1 - lambda) I)^1/2;"
                  + " 0 is CMP"));
          yield "noise shaped by the embedding covariance, then the nearest word (Xu et al.,"
              + " PrivateNLP 2020)";
        }
        case VickreyMechanism.NAME -> {
          parameters.add(unitInterval("lambda", 0.0,
              "Mahalanobis regularisation of the noise; 0 is CMP noise"));
          parameters.add(unitInterval("t", VickreyMechanism.DEFAULT_T,
              "Vickrey parameter: weight of the first of the two nearest words"));
          yield "noisy vector as CMP (or Mahalanobis), then one of its two nearest words (Xu et"
              + " al. 2021)";
        }
        case TruncatedGumbelMechanism.NAME -> "w and its k nearest words compete with truncated"
            + " Gumbel-noised distances (Xu et al., FLAIRS 2021); density-aware";
        default -> "see the project documentation";
      };
      parameters.add(new JsonObject().put("name", "target_nw").put("type", "number")
              .put("required", false).put("exclusive_minimum", 0.0).put("exclusive_maximum", 1.0)
              .put("description", "instead of epsilon: the target share of a typical text's words"
                  + " that come back unchanged (mean N_w over words drawn from a Zipf prior over"
                  + " the store's frequency-ordered rows); epsilon is calibrated once per mechanism"
                  + " and parameters in the background (503 calibrating with Retry-After until"
                  + " then; a calibration cached next to the store is used at once)"))
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
      list.add(new JsonObject().put("name", name).put("description", description)
          .put("metric", Mechanisms.metric(name)).put("epsilon_units", Mechanisms.epsilonUnits(name))
          .put("guarantee", Guarantee.SUMMARY)
          .put("parameters", parameters));
    }
    return new JsonObject().put("mechanisms", list);
  }

  private static JsonObject epsilon(String mechanism, OptionalDouble truncatedGumbelMinimum) {
    JsonObject epsilon = new JsonObject().put("name", "epsilon").put("type", "number")
        .put("required", false).put("maximum", Double.MAX_VALUE);
    String text = "epsilon per word, in inverse units of the mechanism's metric; give exactly one"
        + " of epsilon and target_nw. A record is charged euclidean_epsilon_per_word x words"
        + " perturbed (basic composition; see epsilon_units)";
    if (!mechanism.equals(TruncatedGumbelMechanism.NAME)) {
      return epsilon.put("exclusive_minimum", 0.0).put("description", text);
    }
    if (truncatedGumbelMinimum.isPresent()) {
      return epsilon.put("exclusive_minimum", truncatedGumbelMinimum.getAsDouble())
          .put("description", text + ". Must exceed (2 (1 + ln V) + 3) / deltaMin of this store,"
              + " the regime of the mechanism's privacy statement");
    }
    return epsilon.put("exclusive_minimum", 0.0).put("description", text + ". Must exceed (2 (1 +"
        + " ln V) + 3) / deltaMin of this store; deltaMin is known once the neighbourhood table is"
        + " loaded (built by the first truncated-gumbel request, or ahead with dx-rewrite"
        + " build-neighbours)");
  }

  private static JsonObject unitInterval(String name, double fallback, String description) {
    return new JsonObject().put("name", name).put("type", "number").put("required", false)
        .put("default", fallback).put("minimum", 0.0).put("maximum", 1.0)
        .put("description", description);
  }
}
