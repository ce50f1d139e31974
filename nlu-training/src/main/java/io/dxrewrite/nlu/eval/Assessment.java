package io.dxrewrite.nlu.eval;

import io.dxrewrite.nlu.model.TopicClassifier;
import io.dxrewrite.nlu.train.EncodedSet;
import java.util.SplittableRandom;

/**
 * Utility and leakage of a trained model.
 *
 * @param testAccuracy share of test records classified correctly
 * @param membershipAuc AUC of the loss-threshold membership-inference attack ({@link
 *     MembershipInference}) with as many training records (members) as test records
 *     (non-members); 0.5 is no measurable leakage
 */
public record Assessment(double testAccuracy, double membershipAuc) {
  /** Fixed seed of the member subsample, so that assessments are comparable across runs. */
  public static final long MEMBER_SAMPLE_SEED = 0x5EEDL;

  /**
   * @param model a trained model
   * @param train its training set (the members)
   * @param test held-out records (the non-members)
   * @return accuracy on {@code test} and the attack's AUC on min(|train|, |test|) members, drawn
   *     with {@link #MEMBER_SAMPLE_SEED}, against {@code test}
   */
  public static Assessment of(TopicClassifier model, EncodedSet train, EncodedSet test) {
    int m = Math.min(train.size(), test.size());
    int[] order = new int[train.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    SplittableRandom random = new SplittableRandom(MEMBER_SAMPLE_SEED);
    for (int i = 0; i < m; i++) {
      int j = i + random.nextInt(order.length - i);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    int[] members = java.util.Arrays.copyOf(order, m);
    double auc = MembershipInference.lossThresholdAuc(
        Evaluation.losses(model, train.subset(members)), Evaluation.losses(model, test));
    return new Assessment(Evaluation.accuracy(model, test), auc);
  }
}
