package io.dxrewrite.rewrite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.dxrewrite.error.InvalidParameterException;
import io.dxrewrite.mechanism.Mechanism;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The report states what is unprotected, charges Euclidean units and never holds Infinity. */
class PrivacyReportTest {
  private final Rewriter rewriter = SharedRewriter.REWRITER;

  @Test
  void wordsCopiedThroughAreCountedAndVoidTheGuarantee() {
    // "zqxjvw" and "blorptastic" are made-up, out of vocabulary; "the" is on the skip list
    String text = "The zqxjvw sat on the mat, blorptastic!";
    RewriteOptions keep =
        RewriteOptions.builder()
            .epsilon(2.5)
            .seed(1)
            .oovPolicy(OovPolicy.KEEP)
            .skipWords(Set.of("the"))
            .build();
    PrivacyReport r = rewriter.rewrite(text, keep).report();
    assertThat(r.oovKept()).isEqualTo(2);
    assertThat(r.skippedWords()).isEqualTo(2);
    assertThat(r.unprotectedWords()).isEqualTo(4);
    assertThat(r.guarantee()).isEqualTo("none for 4 words");
    assertThat(r.wordsPerturbed()).isEqualTo(3);
    assertThat(r.totalEpsilon()).isEqualTo(7.5);

    PrivacyReport all = rewriter.rewrite(text, RewriteOptions.builder().epsilon(2.5).seed(1).build()).report();
    assertThat(all.unprotectedWords()).isZero();
    assertThat(all.guarantee()).isEqualTo("metric-dp");
    assertThat(all.fields()).containsEntry("guarantee", "metric-dp").containsEntry("unprotected_words", 0);
  }

  @Test
  void reportCarriesBothEpsilonsAndChargesTheEuclideanOne() {
    String text = "the cat sat on the mat";
    PrivacyReport cmp = rewriter.rewrite(text, RewriteOptions.builder().epsilon(4).seed(1).build()).report();
    assertThat(cmp.epsilonPerWord()).isEqualTo(4);
    assertThat(cmp.euclideanEpsilonPerWord()).isEqualTo(4);
    assertThat(cmp.totalEpsilon()).isEqualTo(24);

    RewriteOptions mahalanobis =
        RewriteOptions.builder().mechanism("mahalanobis").lambda(1).epsilon(4).seed(1).build();
    PrivacyReport m = rewriter.rewrite(text, mahalanobis).report();
    double mu = rewriter.context().covarianceMinEigenvalue();
    assertThat(m.epsilonPerWord()).isEqualTo(4);
    assertThat(m.euclideanEpsilonPerWord()).isCloseTo(4 / Math.sqrt(mu), within(1e-9));
    assertThat(m.totalEpsilon()).isCloseTo(6 * 4 / Math.sqrt(mu), within(1e-9));
    assertThat(m.totalEpsilon()).isGreaterThan(24);
  }

  @Test
  void fieldsFollowTheDeclaredOrderAndRoundTrip() {
    PrivacyReport r =
        rewriter.rewrite("Hello there, world", RewriteOptions.builder().epsilon(3).targetNw(0.5).build()).report();
    assertThat(List.copyOf(r.fields().keySet()))
        .isEqualTo(PrivacyReport.FIELDS.stream().map(PrivacyReport.Field::name).toList());
    assertThat(PrivacyReport.fromFields(r.fields())).isEqualTo(r);
  }

  @Test
  void aTotalThatIsNotFiniteIsRefusedBeforeAnythingIsRewrittenStatingTheLimit() {
    RewriteOptions huge = RewriteOptions.builder().epsilon(1.7e308).build();
    assertThatThrownBy(() -> rewriter.rewriteBatch(List.of("hello", "hello world"), huge))
        .isInstanceOf(TotalEpsilonException.class)
        .hasMessageContaining("not a finite number")
        .hasMessageContaining(String.valueOf(Double.MAX_VALUE))
        .hasMessageContaining("at most 1 perturbed words")
        .hasMessageNotContaining("hello")
        .satisfies(e -> assertThat(((TotalEpsilonException) e).record()).isEqualTo(1));
    // one word at that epsilon is finite
    assertThat(rewriter.rewrite("hello", huge).report().totalEpsilon()).isEqualTo(1.7e308);
    // a Mahalanobis epsilon whose Euclidean equivalent overflows is refused up front
    RewriteOptions mahalanobis =
        RewriteOptions.builder().mechanism("mahalanobis").lambda(1).epsilon(1.7e308).build();
    assertThatThrownBy(() -> rewriter.rewrite("hello", mahalanobis))
        .isInstanceOf(TotalEpsilonException.class)
        .hasMessageContaining("Euclidean units");
  }

  @Test
  void noReportHoldsANonFiniteNumber() {
    assertThatThrownBy(
            () -> PrivacyReport.builder().mechanism("cmp").epsilonPerWord(1e308).wordsPerturbed(2).build())
        .isInstanceOf(TotalEpsilonException.class);
    assertThatThrownBy(
            () ->
                new PrivacyReport(
                    "cmp", 1, 1, 1, 1, 0, "unk", 0, 0, 0, Double.POSITIVE_INFINITY, false, null, 0,
                    "structural", "off", Map.of()))
        .isInstanceOf(InvalidParameterException.class)
        .hasMessageContaining("total_epsilon must be a finite number");
    assertThatThrownBy(
            () ->
                new PrivacyReport(
                    "cmp", Double.NaN, 1, 1, 1, 0, "unk", 0, 0, 0, 1, false, null, 0, "structural", "off", Map.of()))
        .isInstanceOf(InvalidParameterException.class);
    assertThatThrownBy(
            () ->
                new PrivacyReport(
                    "cmp", 1, 1, 1, 1, 0, "unk", 0, 0, 0, 1, false, Double.NaN, 0, "structural", "off", Map.of()))
        .isInstanceOf(InvalidParameterException.class);
  }

  @Test
  void limitHelpersAgreeWithDoubleArithmetic() {
    long max = TotalEpsilonLimit.maxWordsPerRecord(1e300);
    assertThat(Double.isFinite(1e300 * max)).isTrue();
    assertThat(Double.isFinite(1e300 * (max + 1))).isFalse();
    Mechanism infinite =
        new Mechanism() {
          @Override
          public String name() {
            return "test";
          }

          @Override
          public double epsilon() {
            return 1;
          }

          @Override
          public double euclideanEpsilon() {
            return Double.POSITIVE_INFINITY;
          }

          @Override
          public int[] perturb(io.dxrewrite.mechanism.WordBatch batch) {
            throw new AssertionError();
          }
        };
    assertThatThrownBy(() -> TotalEpsilonLimit.perWord(infinite))
        .isInstanceOf(TotalEpsilonException.class);
  }
}
