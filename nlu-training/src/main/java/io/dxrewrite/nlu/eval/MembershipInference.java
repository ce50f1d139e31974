package io.dxrewrite.nlu.eval;

import io.dxrewrite.error.DxPreconditions;
import org.apache.commons.math3.stat.ranking.NaturalRanking;
import org.apache.commons.math3.stat.ranking.TiesStrategy;

/**
 * The loss-threshold membership-inference attack (Yeom, Giacomelli, Fredrikson, Jha, "Privacy
 * Risk in Machine Learning", CSF 2018): guess "member" when a record's loss is below a threshold.
 * Over all thresholds its ROC AUC is the probability that a random member has a lower loss than a
 * random non-member (ties count one half), the Mann-Whitney statistic. 0.5 means no measurable
 * leakage; 1.0 means members are perfectly identifiable.
 */
public final class MembershipInference {
  private MembershipInference() {}

  /**
   * @param memberLosses losses of training records (non-empty)
   * @param nonMemberLosses losses of held-out records (non-empty)
   * @return the attack's AUC in [0, 1]
   */
  public static double lossThresholdAuc(double[] memberLosses, double[] nonMemberLosses) {
    DxPreconditions.checkArgument(memberLosses.length > 0 && nonMemberLosses.length > 0,
        "membership inference needs members and non-members");
    int m = memberLosses.length;
    int n = nonMemberLosses.length;
    double[] all = new double[m + n];
    System.arraycopy(nonMemberLosses, 0, all, 0, n);
    System.arraycopy(memberLosses, 0, all, n, m);
    double[] ranks = new NaturalRanking(TiesStrategy.AVERAGE).rank(all);
    double nonMemberRankSum = 0;
    for (int i = 0; i < n; i++) {
      nonMemberRankSum += ranks[i];
    }
    // U counts (non-member, member) pairs where the non-member's loss is higher.
    double u = nonMemberRankSum - n * (n + 1) / 2.0;
    return u / ((double) m * n);
  }
}
