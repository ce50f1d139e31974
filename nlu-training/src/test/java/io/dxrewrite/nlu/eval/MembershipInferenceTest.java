package io.dxrewrite.nlu.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import org.junit.jupiter.api.Test;

class MembershipInferenceTest {
  @Test
  void separatedLossesGiveAucOne() {
    assertThat(MembershipInference.lossThresholdAuc(new double[] {0.1, 0.2},
        new double[] {0.5, 0.9, 1.2})).isEqualTo(1.0);
    assertThat(MembershipInference.lossThresholdAuc(new double[] {2, 3},
        new double[] {0.5, 0.9})).isEqualTo(0.0);
  }

  @Test
  void countsPairsAndHalfTies() {
    // members {1, 2, 4}, non-members {2, 3}: pairs with member < non-member:
    // (1,2) (1,3) (2,3) = 3, ties (2,2) = 1/2, so 3.5 / 6
    assertThat(MembershipInference.lossThresholdAuc(new double[] {1, 2, 4}, new double[] {2, 3}))
        .isCloseTo(3.5 / 6, offset(1e-12));
    assertThat(MembershipInference.lossThresholdAuc(new double[] {1, 1}, new double[] {1, 1}))
        .isCloseTo(0.5, offset(1e-12));
  }
}
