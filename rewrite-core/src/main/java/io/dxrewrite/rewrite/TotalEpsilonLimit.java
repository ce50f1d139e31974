package io.dxrewrite.rewrite;

import io.dxrewrite.mechanism.Mechanism;
import java.util.Locale;

/**
 * The one place that refuses a charge which is not a finite number. A record's total epsilon is
 * {@code euclidean_epsilon_per_word * words_perturbed} (basic composition); in double arithmetic
 * it overflows to {@code Infinity} beyond {@link Double#MAX_VALUE}, which is not JSON and which a
 * ledger cannot add. Front ends call {@link #perWord(Mechanism)} once up front and rely on the
 * {@link Rewriter}, which calls {@link #recordTotal(double, long, int)} for every record before
 * any noise is drawn; the server maps {@link TotalEpsilonException} to its 422.
 */
public final class TotalEpsilonLimit {
  private TotalEpsilonLimit() {}

  /**
   * Checks that a mechanism's Euclidean-equivalent epsilon per word is finite.
   *
   * @param mechanism the mechanism
   * @return {@link Mechanism#euclideanEpsilon()}
   * @throws TotalEpsilonException (record -1) if it is not a finite number, naming the parameter
   *     epsilon and the limit
   */
  public static double perWord(Mechanism mechanism) {
    double e = mechanism.euclideanEpsilon();
    if (!Double.isFinite(e)) {
      throw new TotalEpsilonException(
          String.format(
              Locale.ROOT,
              "epsilon %s of mechanism %s is %s per word in Euclidean units, not a finite number"
                  + " (the limit is %s); use a smaller epsilon, or for a Mahalanobis metric"
                  + " lambda < 1 (at lambda = 1 a singular covariance bounds no Euclidean"
                  + " distance)",
              mechanism.epsilon(), mechanism.name(), e, Double.MAX_VALUE),
          -1);
    }
    return e;
  }

  /**
   * @param euclideanEpsilonPerWord finite and {@code >= 0}
   * @return the most perturbed words a record may have before its total epsilon overflows ({@link
   *     Long#MAX_VALUE} when it never can)
   */
  public static long maxWordsPerRecord(double euclideanEpsilonPerWord) {
    double max = Math.floor(Double.MAX_VALUE / euclideanEpsilonPerWord);
    return max >= Long.MAX_VALUE ? Long.MAX_VALUE : (long) max;
  }

  /**
   * @param euclideanEpsilonPerWord the charge per perturbed word (Euclidean units)
   * @param wordsPerturbed the record's perturbed words
   * @return {@code euclideanEpsilonPerWord * wordsPerturbed}
   * @throws TotalEpsilonException (record -1) if the product is not a finite number
   */
  public static double recordTotal(double euclideanEpsilonPerWord, long wordsPerturbed) {
    return recordTotal(euclideanEpsilonPerWord, wordsPerturbed, -1);
  }

  /**
   * @param euclideanEpsilonPerWord the charge per perturbed word (Euclidean units)
   * @param wordsPerturbed the record's perturbed words
   * @param record the record's 0-based position in its call, for the exception
   * @return {@code euclideanEpsilonPerWord * wordsPerturbed}
   * @throws TotalEpsilonException if the product is not a finite number; the message states the
   *     limit (the largest double, and the most words a record may have at this epsilon) and
   *     names no word
   */
  public static double recordTotal(double euclideanEpsilonPerWord, long wordsPerturbed, int record) {
    double total = euclideanEpsilonPerWord * wordsPerturbed;
    if (!Double.isFinite(total)) {
      String limit =
          Double.isFinite(euclideanEpsilonPerWord)
              ? "; at " + euclideanEpsilonPerWord + " per word a record may have at most "
                  + maxWordsPerRecord(euclideanEpsilonPerWord) + " perturbed words"
              : "";
      throw new TotalEpsilonException(
          "total epsilon " + euclideanEpsilonPerWord + " x " + wordsPerturbed
              + " perturbed words is not a finite number (the limit is " + Double.MAX_VALUE + ")"
              + limit,
          record);
    }
    return total;
  }
}
