package io.dxrewrite.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Surrogates keep the original's kind and shape and pass the kind's checks (made-up values). */
class SurrogatesTest {
  private static final Surrogates SURROGATES = new Surrogates(Gazetteer.builtIn());

  private static String shape(String s) {
    return s.replaceAll("[0-9]", "9").replaceAll("[A-Z]", "A").replaceAll("[a-z]", "a");
  }

  @Test
  void eachSurrogateIsRecognizedAsItsKindAgain() {
    SplittableRandom random = new SplittableRandom(7);
    String[][] cases = {
      {"PHONE", "+44 20 7946 0958"}, {"PHONE", "(555) 010-4477"}, {"CARD", "4111 1111 1111 1111"},
      {"CARD", "378282246310005"}, {"IBAN", "GB82 WEST 1234 5698 7654 32"},
      {"SSN", "078-05-1120"}, {"DATE", "2024-01-15"}, {"DATE", "12/31/1999"},
      {"DATE", "5th of May, 2024"}, {"DATE", "Sept 3"}, {"EMAIL", "jo.q@example.co.uk"},
      {"URL", "https://example.com/a"}, {"IP_ADDRESS", "10.0.0.255"},
      {"IP_ADDRESS", "2001:db8::1"}, {"NUMBER", "1,234.56"},
    };
    for (int round = 0; round < 200; round++) {
      for (String[] c : cases) {
        EntityType type = EntityType.valueOf(c[0]);
        String s = SURROGATES.draw(type, c[1], random);
        assertThat(RecognizersTest.found(s)).as("%s from %s", s, c[1]).containsExactly(type + "[" + s + "]");
        if (type == EntityType.PHONE || type == EntityType.CARD || type == EntityType.NUMBER
) {
          assertThat(shape(s)).isEqualTo(shape(c[1]));
        }
      }
    }
  }

  @Test
  void personSurrogatesKeepTheWordCount() {
    SplittableRandom random = new SplittableRandom(3);
    for (int i = 0; i < 100; i++) {
      assertThat(SURROGATES.draw(EntityType.PERSON, "Alice Zyxwv", random).split(" ")).hasSize(2);
      assertThat(SURROGATES.draw(EntityType.PERSON, "Zork", random).split(" ")).hasSize(1);
    }
  }
}
