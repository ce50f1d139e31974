package io.dxrewrite.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dxrewrite.rewrite.CasingPolicy;
import io.dxrewrite.rewrite.PrivacyReport;
import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonObject;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** The API side of issue 14: casing parameter, shared report fields, guarantee per mechanism. */
class HonestReportApiTest {
  private final RewriteRequests requests = new RewriteRequests(10, 1000, null);

  @Test
  void casingDefaultsToStructuralAcceptsKeepAndRefusesAnythingElse() {
    assertThat(requests.options(new JsonObject().put("epsilon", 1)).casing())
        .isEqualTo(CasingPolicy.STRUCTURAL);
    assertThat(requests.options(new JsonObject().put("epsilon", 1).put("casing", "keep")).casing())
        .isEqualTo(CasingPolicy.KEEP);
    assertThat(requests.options(MultiMap.caseInsensitiveMultiMap().add("epsilon", "1")
        .add("casing", "keep")).casing()).isEqualTo(CasingPolicy.KEEP);
    assertThatThrownBy(() -> requests.options(new JsonObject().put("epsilon", 1).put("casing", "UPPER")))
        .isInstanceOf(ApiException.class)
        .hasMessageContaining("casing must be one of: structural, keep");
  }

  @Test
  void reportJsonHasTheSharedFieldsWithGuaranteeAndBothEpsilons() {
    PrivacyReport r = PrivacyReport.builder().mechanism("mahalanobis").epsilonPerWord(2)
        .euclideanEpsilonPerWord(3).words(5).wordsPerturbed(4).oovWords(1).oovPolicy("keep")
        .oovKept(1).casing(CasingPolicy.KEEP).build();
    JsonObject json = ResultJson.report(r);
    assertThat(json.getDouble("epsilon_per_word")).isEqualTo(2.0);
    assertThat(json.getDouble("euclidean_epsilon_per_word")).isEqualTo(3.0);
    assertThat(json.getDouble("total_epsilon")).isEqualTo(12.0);
    assertThat(json.getInteger("unprotected_words")).isEqualTo(1);
    assertThat(json.getString("guarantee")).isEqualTo("none for 1 words");
    assertThat(json.getString("casing")).isEqualTo("released");
    assertThat(json.containsKey("target_nw")).isFalse();
    assertThat(json.fieldNames()).containsAll(
        PrivacyReport.FIELDS.stream().map(PrivacyReport.Field::name)
            .filter(n -> !n.equals("target_nw")).toList());
  }

  @Test
  void mechanismsStateTheirMetricUnitsAndGuarantee() {
    JsonObject all = MechanismCatalog.describe();
    JsonObject cmp = named(all, "cmp");
    JsonObject mahalanobis = named(all, "mahalanobis");
    assertThat(cmp.getString("metric")).startsWith("Euclidean");
    assertThat(cmp.getString("epsilon_units")).contains("charged as is");
    assertThat(mahalanobis.getString("metric")).contains("Mahalanobis");
    assertThat(mahalanobis.getString("epsilon_units")).contains("sqrt(lambda_min");
    assertThat(named(all, "vickrey").getString("metric")).contains("that of its noise");
    assertThat(cmp.getString("guarantee"))
        .contains("Always released: word count")
        .contains("oov keep and skip-list words")
        .contains("records of one person add up");
  }

  private static JsonObject named(JsonObject all, String name) {
    return all.getJsonArray("mechanisms").stream().map(JsonObject.class::cast)
        .filter(m -> m.getString("name").equals(name)).findFirst().orElseThrow();
  }
}
