package io.dxrewrite.rewrite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dxrewrite.entity.EntityTreatment;
import io.dxrewrite.error.InvalidParameterException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Casing: "apple", "Apple" and "APPLE" are one point of the embedding (distance 0), so under the
 * default the output's casing must not depend on which was written.
 */
class CasingPolicyTest {
  private final Rewriter rewriter = SharedRewriter.REWRITER;

  /**
   * At epsilon 1e6 every word comes back itself, so only the casing rule decides the output
   * (entities off: "Paris" would otherwise be a {@code <PERSON>}).
   */
  private RewriteResult nearIdentity(String text, CasingPolicy casing) {
    return rewriter.rewrite(
        text,
        RewriteOptions.builder()
            .epsilon(1e6)
            .seed(4)
            .casing(casing)
            .entities(EntityTreatment.OFF)
            .build());
  }

  @Test
  void defaultCasingDependsOnlyOnPublicStructure() {
    RewriteOptions defaults = RewriteOptions.builder().epsilon(1e6).seed(4).build();
    String mixed = rewriter.rewrite("Apple apple APPLE", defaults).text();
    String lower = rewriter.rewrite("apple apple apple", defaults).text();
    assertThat(mixed).isEqualTo(lower).isEqualTo("Apple apple apple");
    assertThat(rewriter.rewrite("HIV test", defaults).text()).isEqualTo("Hiv test");
    assertThat(rewriter.rewrite("the HIV test", defaults).report().casing()).isEqualTo("structural");
  }

  @Test
  void sentencesAndLinesStartCapitalisedEverythingElseLowerCase() {
    assertThat(
            nearIdentity("THE cat sat. the DOG ran! why? NO\nnew LINE, Paris. it's fine", CasingPolicy.STRUCTURAL)
                .text())
        .isEqualTo("The cat sat. The dog ran! Why? No\nNew line, paris. It's fine");
  }

  @Test
  void keepReleasesTheInputCasingAndSaysSo() {
    RewriteResult kept = nearIdentity("Apple apple APPLE", CasingPolicy.KEEP);
    assertThat(kept.text()).isEqualTo("Apple apple APPLE");
    assertThat(kept.report().casing()).isEqualTo("released");
    // a replaced word takes the input's pattern, as before the policy existed
    RewriteOptions noisy =
        RewriteOptions.builder().epsilon(1).seed(11).casing(CasingPolicy.KEEP).build();
    List<RewriteResult> out = rewriter.rewriteBatch(List.of("WATER WATER WATER WATER"), noisy);
    assertThat(out.get(0).text()).isEqualTo(out.get(0).text().toUpperCase(java.util.Locale.ROOT));
    assertThat(out.get(0).text()).isNotEqualTo("WATER WATER WATER WATER");
  }

  @Test
  void unprotectedWordsFollowTheCasingRuleToo() {
    RewriteOptions options =
        RewriteOptions.builder()
            .epsilon(1e6)
            .seed(2)
            .oovPolicy(OovPolicy.KEEP)
            .skipWords(Set.of("the"))
            .build();
    assertThat(rewriter.rewrite("THE Zqxjvw sat", options).text()).isEqualTo("The zqxjvw sat");
  }

  @Test
  void entityPlaceholdersStayExactlyAsWrittenAndTakeAWordsPlace() {
    // made-up phone number and e-mail address
    String text = "555-123-4567 IS my number. Write to alice.z@example.org THEN call";
    RewriteOptions structural = RewriteOptions.builder().epsilon(1e6).seed(4).build();
    // the placeholder uses up the record's start: "IS" is not capitalised after it
    assertThat(rewriter.rewrite(text, structural).text())
        .isEqualTo("<PHONE> is my number. Write to <EMAIL> then call");
    RewriteOptions keep =
        RewriteOptions.builder().epsilon(1e6).seed(4).casing(CasingPolicy.KEEP).build();
    assertThat(rewriter.rewrite(text, keep).text())
        .isEqualTo("<PHONE> IS my number. Write to <EMAIL> THEN call");
    // a surrogate e-mail address is written as drawn, and its dots start no sentence
    RewriteOptions surrogate =
        RewriteOptions.builder().epsilon(1e6).seed(4).entities(EntityTreatment.SURROGATE).build();
    String out = rewriter.rewrite(text, surrogate).text();
    assertThat(out).matches("\\d{3}-\\d{3}-\\d{4} is my number\\. Write to \\S+@\\S+ then call");
    assertThat(out).doesNotContain("alice.z", "4567");
  }

  @Test
  void unknownCasingNameIsRefusedListingTheAllowedOnes() {
    assertThatThrownBy(() -> CasingPolicy.fromCliName("upper"))
        .isInstanceOf(InvalidParameterException.class)
        .hasMessageContaining("structural, keep");
    assertThat(CasingPolicy.fromCliName("keep")).isEqualTo(CasingPolicy.KEEP);
  }
}
