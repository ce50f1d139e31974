package io.dxrewrite.audit;

/**
 * The audit of one pair, in its worse direction: the output y that comes closest to (or beyond)
 * the claimed bound {@code ln P[M(w)=y] - ln P[M(w')=y] <= epsilon d(w,w')}.
 *
 * @param pair the pair as found; {@code from}/{@code to} give the direction of the worst output
 * @param from the word w of the worse direction (vocabulary id)
 * @param to the word w' of the worse direction (vocabulary id)
 * @param distance d(w, w') in the mechanism's claimed metric, embedding units
 * @param claimedBound epsilon d(w, w'), nats
 * @param output the worst output y (vocabulary id), or -1 when no output could be tested (sampling:
 *     no output was drawn from w)
 * @param loss the privacy loss {@code ln P[M(w)=y] - ln P[M(w')=y]} in nats: exact, or the
 *     plug-in estimate from counts (+infinity when y was never drawn from w')
 * @param lossLower lower confidence bound on the loss (exact mode: equal to {@code loss})
 * @param lossUpper upper confidence bound on the loss (exact mode: equal to {@code loss};
 *     +infinity when y was never drawn from w')
 * @param violation whether the claim is refuted for this pair: exact mode, {@code loss >
 *     claimedBound + tolerance}; sampling mode, {@code lossLower > claimedBound}
 */
public record PairResult(
    AuditPair pair,
    int from,
    int to,
    double distance,
    double claimedBound,
    int output,
    double loss,
    double lossLower,
    double lossUpper,
    boolean violation) {
  /**
   * @return how far the evidence goes beyond the claim, in nats: {@code lossLower - claimedBound}
   *     (positive for a violation); the auditor ranks pairs by it
   */
  public double excess() {
    return lossLower - claimedBound;
  }
}
