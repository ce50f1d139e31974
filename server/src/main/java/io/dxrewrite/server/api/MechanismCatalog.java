package io.dxrewrite.server.api;

import io.dxrewrite.entity.EntityTreatment;
import io.dxrewrite.mechanism.MahalanobisMechanism;
import io.dxrewrite.mechanism.Mechanisms;
import io.dxrewrite.mechanism.MultivariateLaplaceMechanism;
import io.dxrewrite.mechanism.TemMechanism;
import io.dxrewrite.mechanism.VickreyMechanism;
import io.dxrewrite.rewrite.Guarantee;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The body of {@code GET /v1/mechanisms}: each mechanism of {@link Mechanisms#names()} with the
 * parameters it accepts, their defaults and allowed ranges. Epsilon is per word, in inverse units
 * of embedding distance; epsilons of different mechanisms are not comparable.
 */
final class MechanismCatalog {
  private MechanismCatalog() {}

  /**
   * Withdrawn mechanisms (see {@link Mechanisms#withdrawalReason}) are not listed.
   *
   * @return {@code {"mechanisms": [{"name", "description", "metric", "epsilon_units", "guarantee",
   *     "parameters": [...]}, ...]}}: the metric and units of epsilon from {@link
   *     Mechanisms#metric} and {@link Mechanisms#epsilonUnits}, the guarantee note from {@link
   *     Guarantee#SUMMARY}
   */
  static JsonObject describe() {
    JsonArray list = new JsonArray();
    for (String name : Mechanisms.names()) {
      JsonArray parameters = new JsonArray().add(epsilon());
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
        case TemMechanism.NAME -> {
          parameters.add(new JsonObject().put("name", "beta").put("type", "number")
              .put("required", false).put("default", TemMechanism.DEFAULT_BETA)
              .put("exclusive_minimum", 0.0).put("exclusive_maximum", 1.0)
              .put("description", "gamma = (2/epsilon) ln((1 - beta)(|V| - 1)/beta): words within"
                  + " gamma keep their own score -d(w,y), the rest share one"));
          yield "truncated exponential mechanism: y drawn with probability proportional to"
              + " exp(-(epsilon/2) min(d(w,y), gamma)) (Carvalho et al., SDM 2023);"
              + " epsilon-metric DP, Euclidean, same units as cmp; density-aware by construction;"
              + " one full vocabulary scan per word, no cache shared between requests";
        }
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

  private static JsonObject epsilon() {
    return new JsonObject().put("name", "epsilon").put("type", "number")
        .put("required", false).put("maximum", Double.MAX_VALUE).put("exclusive_minimum", 0.0)
        .put("description", "epsilon per word, in inverse units of the mechanism's metric; give"
            + " exactly one of epsilon and target_nw. A record is charged"
            + " euclidean_epsilon_per_word x words perturbed (basic composition; see"
            + " epsilon_units)");
  }

  private static JsonObject unitInterval(String name, double fallback, String description) {
    return new JsonObject().put("name", name).put("type", "number").put("required", false)
        .put("default", fallback).put("minimum", 0.0).put("maximum", 1.0)
        .put("description", description);
  }
}
