package io.dxrewrite.rewrite;

import static org.assertj.core.api.Assertions.assertThat;

import io.dxrewrite.entity.EntityTreatment;
import io.dxrewrite.mechanism.Mechanism;
import io.dxrewrite.mechanism.Mechanisms;
import io.dxrewrite.mechanism.WordBatch;
import io.dxrewrite.testing.StatisticalTests;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The entity layer's guarantee (see {@link io.dxrewrite.entity.EntityLayer}): the output is a
 * function of the identifiers' kinds (and shapes, for surrogates) and fresh randomness only, never
 * of their values. All personal details here are made up.
 */
class EntityGuaranteeTest {
  /** Two records that differ only in the values of their identifiers (same kinds and shapes). */
  private static final String A =
      "Yesterday Alice Zyxwv said the battery is great, call 555-123-4567 or mail"
          + " alice.z@example.org about order 123456 on 2024-01-15.";

  private static final String B =
      "Yesterday Boris Qwerty said the battery is great, call 555-987-6543 or mail"
          + " qq77@mail.example.net about order 987654 on 1999-12-31.";

  private static final Pattern SURROGATES =
      Pattern.compile(
          "Yesterday (\\S+) (\\S+) said the battery is great, call (\\S+) or mail (\\S+) about"
              + " order (\\S+) on (\\S+)\\.");

  private static RewriteOptions.Builder options(EntityTreatment treatment) {
    return RewriteOptions.builder().epsilon(10).entities(treatment);
  }

  @Test
  void placeholdersMakeOutputsIdenticalForDifferentValues() {
    for (long seed = 1; seed <= 20; seed++) {
      RewriteOptions options = options(EntityTreatment.PLACEHOLDER).seed(seed).build();
      RewriteResult a = SharedRewriter.REWRITER.rewrite(A, options);
      RewriteResult b = SharedRewriter.REWRITER.rewrite(B, options);
      assertThat(a.text()).as("seed %d", seed).isEqualTo(b.text());
      assertThat(a.report()).isEqualTo(b.report());
      assertThat(a.text()).contains("<PERSON>", "<PHONE>", "<EMAIL>", "<NUMBER>", "<DATE>")
          .doesNotContain("Alice", "Zyxwv", "4567", "alice.z", "123456", "2024");
    }
  }

  @Test
  void identifierValuesNeverReachTheMechanism() {
    List<int[]> seen = Collections.synchronizedList(new ArrayList<>());
    Rewriter recording =
        new Rewriter(
            SharedRewriter.REWRITER.context(),
            (name, context, epsilon, parameters) -> {
              Mechanism real = Mechanisms.create(name, context, epsilon, parameters);
              return new Mechanism() {
                @Override
                public String name() {
                  return real.name();
                }

                @Override
                public double epsilon() {
                  return real.epsilon();
                }

                @Override
                public int[] perturb(WordBatch batch) {
                  seen.add(batch.ids().clone());
                  return real.perturb(batch);
                }
              };
            });
    for (EntityTreatment treatment : List.of(EntityTreatment.PLACEHOLDER, EntityTreatment.SURROGATE)) {
      seen.clear();
      recording.rewrite(A, options(treatment).build());
      recording.rewrite(B, options(treatment).build());
      assertThat(seen).hasSize(2);
      // the mechanism receives exactly the same words for both records
      assertThat(seen.get(0)).as(treatment.cliName()).isEqualTo(seen.get(1));
      int alice = SharedRewriter.REWRITER.store().vocabulary().id("alice");
      assertThat(seen.get(0)).doesNotContain(alice);
    }
  }

  @Test
  void surrogatesAreIdenticallyDistributedForDifferentValues() {
    // Null hypothesis: for records A and B (same kinds and shapes, different values), each
    // surrogate feature below has the same distribution. An identity mechanism keeps the other
    // words (the surrogates never reach it), so the surrogates can be read back from the output.
    // 3,000 records each, seeds 1 and 2, alpha 1e-3.
    int n = 3000;
    long[][] countsA = features(A, 1, n);
    long[][] countsB = features(B, 2, n);
    String[] names = {"first name initial", "surname initial", "phone digits by position",
        "e-mail initial", "order number digits by position", "date digits by position"};
    for (int f = 0; f < names.length; f++) {
      StatisticalTests.assertSameCategorical(
          names[f] + " (seeds 1 and 2, " + n + " records)", countsA[f], countsB[f]);
    }
  }

  /** Counts of categorical features of the surrogates of n rewrites of one record. */
  private static long[][] features(String text, long seed, int n) {
    RewriteOptions options =
        RewriteOptions.builder().epsilon(1).seed(seed).entities(EntityTreatment.SURROGATE).build();
    Mechanism identity = new io.dxrewrite.testing.IdentityMechanism();
    List<RewriteResult> results =
        new Rewriter(SharedRewriter.REWRITER.context(), (name, context, epsilon, p) -> identity)
            .rewriteBatch(Collections.nCopies(n, text), options);
    long[][] counts = {new long[128], new long[128], new long[16 * 10], new long[128],
        new long[8 * 10], new long[10 * 10]};
    for (RewriteResult r : results) {
      Matcher m = SURROGATES.matcher(r.text());
      assertThat(m.matches()).as(r.text()).isTrue();
      counts[0][Math.min(127, m.group(1).charAt(0))]++;
      counts[1][Math.min(127, m.group(2).charAt(0))]++;
      digitsByPosition(m.group(3), counts[2]);
      counts[3][Math.min(127, m.group(4).charAt(0))]++;
      digitsByPosition(m.group(5), counts[4]);
      digitsByPosition(m.group(6), counts[5]);
      assertThat(r.report().entities())
          .isEqualTo(Map.of("PERSON", 1, "EMAIL", 1, "PHONE", 1, "DATE", 1, "NUMBER", 1));
    }
    return counts;
  }

  private static void digitsByPosition(String s, long[] counts) {
    int position = 0;
    for (int i = 0; i < s.length() && position * 10 < counts.length; i++) {
      char c = s.charAt(i);
      if (Character.isDigit(c)) {
        counts[position * 10 + (c - '0')]++;
        position++;
      }
    }
  }

  @Test
  void reportCountsIdentifiersAndChargesOnlyOtherWords() {
    RewriteResult r = SharedRewriter.REWRITER.rewrite(A, options(EntityTreatment.PLACEHOLDER).build());
    assertThat(r.report().entityTreatment()).isEqualTo("placeholder");
    assertThat(r.report().entities())
        .containsExactly(
            Map.entry("PERSON", 1), Map.entry("EMAIL", 1), Map.entry("PHONE", 1),
            Map.entry("DATE", 1), Map.entry("NUMBER", 1));
    // "Yesterday said the battery is great call or mail about order on": 12 words, all charged
    assertThat(r.report().words()).isEqualTo(12);
    assertThat(r.report().totalEpsilon()).isEqualTo(10.0 * r.report().wordsPerturbed());

    RewriteResult off = SharedRewriter.REWRITER.rewrite(A, options(EntityTreatment.OFF).build());
    assertThat(off.report().entityTreatment()).isEqualTo("off");
    assertThat(off.report().entities()).isEmpty();
    assertThat(off.report().words()).isGreaterThan(12);
  }

  @Test
  void theDefaultIsPlaceholders() {
    RewriteResult r = SharedRewriter.REWRITER.rewrite(A, RewriteOptions.builder().epsilon(10).build());
    assertThat(r.report().entityTreatment()).isEqualTo("placeholder");
    assertThat(r.text()).contains("<PERSON>");
  }
}
