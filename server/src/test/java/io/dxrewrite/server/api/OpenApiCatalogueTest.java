package io.dxrewrite.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.dxrewrite.mechanism.spec.MechanismCatalogue;
import io.dxrewrite.mechanism.spec.MechanismSpec;
import io.dxrewrite.mechanism.spec.ParameterSpec;
import io.dxrewrite.mechanism.spec.Range;
import io.dxrewrite.mechanism.spec.WithdrawnMechanism;
import io.dxrewrite.rewrite.PrivacyReport;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * {@code openapi.yaml} (parsed with SnakeYAML) and {@code GET
 * /v1/mechanisms} agree with {@link MechanismCatalogue}: mechanism names, withdrawn names, each
 * parameter's range (ends open or closed) and per-mechanism defaults, in the machine-readable
 * {@code x-mechanisms}, {@code x-withdrawn}, {@code x-range} and {@code x-defaults} and in the
 * prose a reader sees; and the {@code Report} schema has the fields of {@link PrivacyReport#FIELDS}.
 */
class OpenApiCatalogueTest {
  private static JsonObject contract;

  /** Parses the served document with SnakeYAML (YAML 1.1 types: 0 is an integer, 0.2 a double). */
  @BeforeAll
  @SuppressWarnings("unchecked")
  static void parse() throws Exception {
    try (InputStream in =
        OpenApiCatalogueTest.class.getClassLoader().getResourceAsStream(ApiRouter.SPEC)) {
      assertThat(in).as(ApiRouter.SPEC).isNotNull();
      contract = new JsonObject((Map<String, Object>) new Yaml().load(in));
    }
  }

  private static JsonObject schema(String name) {
    return contract.getJsonObject("components").getJsonObject("schemas").getJsonObject(name);
  }

  private static Map<String, Double> doubles(JsonObject object) {
    Map<String, Double> m = new LinkedHashMap<>();
    if (object != null) {
      object.forEach(e -> m.put(e.getKey(), ((Number) e.getValue()).doubleValue()));
    }
    return m;
  }

  @Test
  void requestMechanismNamesAreTheCatalogues() {
    JsonObject mechanism = schema("RewriteRequest").getJsonObject("properties").getJsonObject("mechanism");
    assertThat(mechanism.getString("default")).isEqualTo(MechanismCatalogue.DEFAULT_MECHANISM);
    assertThat(mechanism.getJsonArray("x-mechanisms").getList()).isEqualTo(MechanismCatalogue.names());
    assertThat(mechanism.getJsonArray("x-withdrawn").getList())
        .isEqualTo(MechanismCatalogue.WITHDRAWN.stream().map(WithdrawnMechanism::name).toList());
  }

  @Test
  void requestParametersHaveTheCataloguesRangesAndDefaults() {
    JsonObject properties = schema("RewriteRequest").getJsonObject("properties");
    for (ParameterSpec p : MechanismCatalogue.PARAMETERS) {
      JsonObject property = properties.getJsonObject(p.name());
      assertThat(property).as("RewriteRequest." + p.name()).isNotNull();
      assertThat(property.getString("type")).as(p.name()).isEqualTo(p.type());
      assertThat(property.getString("x-range")).as(p.name() + " x-range")
          .isEqualTo(p.range().describe());
      assertThat(doubles(property.getJsonObject("x-defaults"))).as(p.name() + " x-defaults")
          .isEqualTo(p.defaults());
      String prose = property.getString("description");
      assertThat(prose).as(p.name() + " description states the range")
          .contains(p.range().describe());
      for (double d : p.defaults().values()) {
        assertThat(prose).as(p.name() + " description states its defaults")
            .contains("default " + formatted(d));
      }
    }
  }

  private static String formatted(double value) {
    String s = Range.closed(value, value).describe(); // "[v, v]": the catalogue's number format
    return s.substring(1, s.indexOf(','));
  }

  @Test
  void streamQueryTakesEveryParameter() {
    JsonArray parameters = contract.getJsonObject("paths").getJsonObject("/v1/rewrite/stream")
        .getJsonObject("post").getJsonArray("parameters");
    List<String> names = new ArrayList<>();
    parameters.forEach(p -> names.add(((JsonObject) p).getString("name")));
    assertThat(names).contains("mechanism");
    assertThat(names).containsAll(MechanismCatalogue.PARAMETERS.stream().map(ParameterSpec::name).toList());
  }

  @Test
  void reportSchemaHasThePrivacyReportsFields() {
    JsonObject report = schema("Report");
    List<String> fields = PrivacyReport.FIELDS.stream().map(PrivacyReport.Field::name).toList();
    assertThat(report.getJsonObject("properties").fieldNames())
        .containsExactlyInAnyOrderElementsOf(fields);
    assertThat(report.getJsonArray("required").getList()).containsExactlyInAnyOrderElementsOf(
        PrivacyReport.FIELDS.stream().filter(f -> !f.nullable()).map(PrivacyReport.Field::name).toList());
  }

  /** GET /v1/mechanisms lists the catalogue's mechanisms with their parameters, ranges, defaults. */
  @Test
  void mechanismsEndpointIsRenderedFromTheCatalogue() {
    JsonArray served = MechanismCatalog.describe().getJsonArray("mechanisms");
    assertThat(served).hasSize(MechanismCatalogue.MECHANISMS.size());
    for (int i = 0; i < served.size(); i++) {
      JsonObject m = served.getJsonObject(i);
      MechanismSpec spec = MechanismCatalogue.MECHANISMS.get(i);
      assertThat(m.getString("name")).isEqualTo(spec.name());
      assertThat(m.getString("metric")).isEqualTo(spec.metric());
      List<ParameterSpec> expected = MechanismCatalogue.parametersOf(spec.name());
      JsonArray parameters = m.getJsonArray("parameters");
      for (int j = 0; j < expected.size(); j++) {
        ParameterSpec p = expected.get(j);
        JsonObject json = parameters.getJsonObject(j);
        assertThat(json.getString("name")).isEqualTo(p.name());
        Range r = p.range();
        assertThat(json.getDouble(r.lowerClosed() ? "minimum" : "exclusive_minimum"))
            .as(spec.name() + " " + p.name() + " lower end").isEqualTo(r.lower());
        assertThat(json.getDouble(r.upperClosed() ? "maximum" : "exclusive_maximum"))
            .as(spec.name() + " " + p.name() + " upper end").isEqualTo(r.upper());
        assertThat(json.getDouble("default")).as(spec.name() + " " + p.name() + " default")
            .isEqualTo(p.defaultFor(spec.name()).isPresent() ? p.defaultFor(spec.name()).getAsDouble() : null);
      }
      List<String> rest = new ArrayList<>();
      for (int j = expected.size(); j < parameters.size(); j++) {
        rest.add(parameters.getJsonObject(j).getString("name"));
      }
      assertThat(rest).containsExactly("seed", "oov", "casing", "entities");
    }
  }
}
