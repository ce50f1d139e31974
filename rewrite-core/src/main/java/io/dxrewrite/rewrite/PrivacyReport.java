package io.dxrewrite.rewrite;

/**
 * What one record's rewrite spent, and how. Built from counts only, never from the text; the
 * server's ledger and the Spark report column are built from it.
 *
 * @param mechanism mechanism name
 * @param epsilonPerWord epsilon per perturbed word
 * @param words word tokens in the record
 * @param wordsPerturbed words passed through the mechanism (in-vocabulary words plus OOV words
 *     perturbed from the public point or from their subword vector)
 * @param oovWords words not in the vocabulary
 * @param oovPolicy the policy applied to them
 * @param oovKept OOV words copied through unprotected ({@code oovPolicy = keep})
 * @param skippedWords words on the public skip list, copied through
 * @param totalEpsilon {@code epsilonPerWord * wordsPerturbed}: the record's epsilon by basic
 *     composition, i.e. the guarantee {@code exp(epsilonPerWord Σ_i d(w_i, w'_i))} is at most
 *     {@code exp(totalEpsilon * max_i d(w_i, w'_i))}
 * @param seeded whether a caller-supplied seed was used (reproducible, not for production)
 * @param targetNw the text-N_w target epsilon was calibrated from, or null when epsilon was
 *     given directly
 * @param oovSubword OOV words perturbed from their own subword vector ({@code oovPolicy =
 *     subword}); the other {@code oovWords - oovKept - oovSubword} went from the public point
 */
public record PrivacyReport(
    String mechanism,
    double epsilonPerWord,
    int words,
    int wordsPerturbed,
    int oovWords,
    String oovPolicy,
    int oovKept,
    int skippedWords,
    double totalEpsilon,
    boolean seeded,
    Double targetNw,
    int oovSubword) {}
