package io.dxrewrite.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.dxrewrite.json.JsonViolation.Problem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StrictJsonTest {
  private static final String SECRET = "PIN4711";

  private static Optional<JsonViolation> check(String json) {
    return StrictJson.check(json.getBytes(StandardCharsets.UTF_8));
  }

  /** The streaming path of the CLI: a parser of the shared factory, its failure classified. */
  private static Optional<JsonViolation> stream(String json) throws IOException {
    try (JsonParser parser = StrictJson.factory().createParser(json)) {
      try {
        while (parser.nextToken() != null) {
          // read every token
        }
        return Optional.empty();
      } catch (JsonProcessingException e) {
        return Optional.of(StrictJson.classify(e, parser, json));
      }
    }
  }

  private static String nested(int levels) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < levels; i++) {
      s.append(i % 2 == 0 ? "{\"k\":" : "[");
    }
    s.append('1');
    for (int i = levels - 1; i >= 0; i--) {
      s.append(i % 2 == 0 ? '}' : ']');
    }
    return s.toString();
  }

  @Test
  void aNameRepeatedDeepInsideIsRefusedWhereTheSecondOneStands() throws IOException {
    String json = "{\"a\":{\"b\":[1,{\"c\":1,\"d\":{\"e\":2,\"e\":3}}]}}";
    int second = json.lastIndexOf("\"e\"") + 1; // 1-based column of the repeated name
    for (Optional<JsonViolation> v : List.of(check(json), stream(json))) {
      assertThat(v).isPresent();
      assertThat(v.get().problem()).isEqualTo(Problem.REPEATED_NAME);
      assertThat(v.get().column()).isBetween((long) second, (long) second + 4);
    }
  }

  @Test
  void theSameNameInDifferentObjectsIsAllowed() throws IOException {
    String json = "{\"a\":{\"a\":1},\"b\":[{\"a\":1},{\"a\":2}],\"c\":{\"b\":{\"a\":3}}}";
    assertThat(check(json)).isEmpty();
    assertThat(stream(json)).isEmpty();
  }

  @Test
  void nestingUpToTheLimitIsReadAndOneLevelMoreIsRefused() throws IOException {
    assertThat(StrictJson.MAX_NESTING_DEPTH).isEqualTo(100);
    assertThat(check(nested(100))).isEmpty();
    assertThat(stream(nested(100))).isEmpty();
    for (Optional<JsonViolation> v : List.of(check(nested(101)), stream(nested(101)),
        check("[".repeat(10_000) + "]".repeat(10_000)))) {
      assertThat(v).map(JsonViolation::problem).contains(Problem.TOO_DEEP);
      assertThat(v.get().describe()).isEqualTo("JSON nested deeper than 100 levels");
    }
  }

  @Test
  void aValueOverTheLengthLimitsIsNotCalledOverDeep() throws IOException {
    String json = "{\"n\":" + "9".repeat(5_000) + "}";
    assertThat(check(json)).map(JsonViolation::problem).contains(Problem.TOO_LONG);
    assertThat(stream(json)).map(JsonViolation::problem).contains(Problem.TOO_LONG);
  }

  @Test
  void malformedJsonIsMalformedAndTheFirstProblemIsTheOneReported() throws IOException {
    assertThat(check("{\"a\":1,,\"b\":2}")).map(JsonViolation::problem).contains(Problem.MALFORMED);
    assertThat(stream("{\"a\":1,,\"b\":2}")).map(JsonViolation::problem).contains(Problem.MALFORMED);
    // malformed before a repeated name
    assertThat(check("{\"a\":tru,\"a\":2}")).map(JsonViolation::problem).contains(Problem.MALFORMED);
    // a repeated name before a syntax error
    assertThat(check("{\"a\":1,\"a\":2,,}")).map(JsonViolation::problem)
        .contains(Problem.REPEATED_NAME);
    assertThat(stream("{\"a\":1,\"a\":2,,}")).map(JsonViolation::problem)
        .contains(Problem.REPEATED_NAME);
    assertThat(check("{} {}")).map(JsonViolation::problem).contains(Problem.MALFORMED);
    assertThat(check("{\"a\":")).map(JsonViolation::problem).contains(Problem.MALFORMED);
  }

  @Test
  void noMessageEverEchoesTheInput() throws IOException {
    List<String> hostile = List.of(
        "{\"" + SECRET + "\":1,\"" + SECRET + "\":2}",
        "{\"a\":{\"" + SECRET + "\":\"" + SECRET + "\",\"" + SECRET + "\":\"" + SECRET + "\"}}",
        "{\"text\":\"" + SECRET + "\"" + SECRET + "}",
        "{\"" + SECRET + "\":" + nested(120) + "}",
        "{\"" + SECRET + "\":" + "7".repeat(3_000) + "}",
        "{\"text\":\"" + SECRET + "\"} " + SECRET);
    for (String json : hostile) {
      for (Optional<JsonViolation> v : List.of(check(json), stream(json))) {
        assertThat(v).as("hostile input %d", hostile.indexOf(json)).isPresent();
        assertThat(v.get().describe()).doesNotContain(SECRET).doesNotContain("4711")
            .doesNotContain("777");
        assertThat(v.get().toString()).doesNotContain(SECRET);
      }
    }
  }

  @Test
  void describesEachProblemWithItsPositionOnly() {
    assertThat(new JsonViolation(Problem.REPEATED_NAME, 17).describe())
        .isEqualTo("a field name is repeated at column 17");
    assertThat(new JsonViolation(Problem.MALFORMED, 3).shifted(1).describe())
        .isEqualTo("malformed JSON at column 4");
  }
}
