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
 * @param targetNw the median-N_w target epsilon was calibrated from, or null when epsilon was
 *     given directly
 * @param oovSubword OOV words perturbed from their own subword vector ({@code oovPolicy =
 *     subword}); the other {@code oovWords - oovKept - oovSubword} went from the public point
 * @param entityTreatment how direct identifiers were treated: "placeholder", "surrogate", or "off"
 *     (explicit opt-out: no identifier was recognized; all words went through the mechanism)
 * @param entities identifiers recognized in the record, per kind ({@code {"PERSON": 2, "PHONE":
 *     1}}), in {@link io.dxrewrite.entity.EntityType} order. Released: which spans were classed as
 *     identifiers and their kinds; their values were not (see {@link
 *     io.dxrewrite.entity.EntityLayer}), so they are charged 0 and are not counted in {@code
 *     words}
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
    int oovSubword,
    String entityTreatment,
    java.util.Map<String, Integer> entities) {

  /** Copies the entity counts. */
  public PrivacyReport {
    entities =
        java.util.Collections.unmodifiableMap(
            new java.util.LinkedHashMap<>(java.util.Objects.requireNonNull(entities, "entities")));
  }

  /**
   * A report of a rewrite without the entity layer ({@code entityTreatment = "off"}, no entities).
   *
   * @param mechanism see the record
   * @param epsilonPerWord see the record
   * @param words see the record
   * @param wordsPerturbed see the record
   * @param oovWords see the record
   * @param oovPolicy see the record
   * @param oovKept see the record
   * @param skippedWords see the record
   * @param totalEpsilon see the record
   * @param seeded see the record
   * @param targetNw see the record
   * @param oovSubword see the record
   */
  public PrivacyReport(
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
      int oovSubword) {
    this(mechanism, epsilonPerWord, words, wordsPerturbed, oovWords, oovPolicy, oovKept,
        skippedWords, totalEpsilon, seeded, targetNw, oovSubword, "off", java.util.Map.of());
  }

  /**
   * @return the total number of identifiers recognized in the record
   */
  public int entityCount() {
    return entities.values().stream().mapToInt(Integer::intValue).sum();
  }
}
