package io.dxrewrite.rewrite;

import io.dxrewrite.error.InvalidParameterException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What one record's rewrite spent, and how. Built from counts only, never from the text; the
 * server's ledger and the Spark report column are built from it, and every front end serialises
 * it through {@link #fields()} (the one home of the field names).
 *
 * <p><b>What the numbers cover.</b> The perturbed words are protected by metric DP (Feyisetan et
 * al., WSDM 2020, Theorem 1, composed over the record's words): for two records that differ in
 * the perturbed words, {@code P[out] <= exp(epsilon_per_word * Σ_i d(w_i, w'_i)) P'[out]}, with d
 * the mechanism's metric ({@link io.dxrewrite.mechanism.Mechanisms#metric}). {@code
 * total_epsilon} sums the conservative Euclidean-equivalent {@code euclidean_epsilon_per_word}
 * over the perturbed words only. The {@code unprotected_words} (out-of-vocabulary words kept
 * under {@code oov: keep}, skip-list words) are copied through verbatim and are covered by no
 * guarantee at all: {@code total_epsilon} says nothing about them, which {@link #guarantee()}
 * states ({@code "none for N words"}). Casing is covered only when {@code casing} is {@code
 * "structural"}; under {@code "released"} the input's casing is published.
 *
 * <p>No report holds a non-finite number: the constructor refuses one.
 *
 * @param mechanism mechanism name
 * @param epsilonPerWord the epsilon parameter per perturbed word, in the mechanism's own metric
 *     (see {@link io.dxrewrite.mechanism.Mechanism#epsilon()})
 * @param euclideanEpsilonPerWord the conservative Euclidean-equivalent epsilon per word, what the
 *     ledger charges ({@link io.dxrewrite.mechanism.Mechanism#euclideanEpsilon()}); equal to
 *     {@code epsilonPerWord} for Euclidean mechanisms
 * @param words word tokens in the record
 * @param wordsPerturbed words passed through the mechanism (in-vocabulary words plus OOV words
 *     perturbed from the public point or from their subword vector)
 * @param oovWords words not in the vocabulary
 * @param oovPolicy the policy applied to them
 * @param oovKept OOV words copied through unprotected ({@code oovPolicy = keep})
 * @param skippedWords words on the public skip list, copied through
 * @param unprotectedWords words released verbatim with no guarantee: {@code oovKept +
 *     skippedWords}
 * @param totalEpsilon {@code euclideanEpsilonPerWord * wordsPerturbed}: the record's Euclidean
 *     epsilon by basic composition, i.e. the guarantee {@code exp(eps_E Σ_i ||w_i - w'_i||)} over
 *     the perturbed words is at most {@code exp(totalEpsilon * max_i ||w_i - w'_i||)}; it does not
 *     cover the unprotected words
 * @param seeded whether a caller-supplied seed was used (reproducible, not for production)
 * @param targetNw the text-N_w target epsilon was calibrated from, or null when epsilon was
 *     given directly
 * @param oovSubword OOV words perturbed from their own subword vector ({@code oovPolicy =
 *     subword}); the other {@code oovWords - oovKept - oovSubword} went from the public point
 * @param casing {@link CasingPolicy#reportName()}: "structural" (output casing from public
 *     structure only) or "released" (the input's casing was re-applied)
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
    double euclideanEpsilonPerWord,
    int words,
    int wordsPerturbed,
    int oovWords,
    String oovPolicy,
    int oovKept,
    int skippedWords,
    int unprotectedWords,
    double totalEpsilon,
    boolean seeded,
    Double targetNw,
    int oovSubword,
    String casing,
    String entityTreatment,
    Map<String, Integer> entities) {

  /** The {@link #guarantee()} of a record with no unprotected word. */
  public static final String METRIC_DP = "metric-dp";

  /**
   * A field of the serialised report.
   *
   * @param name snake_case name
   * @param type value type: {@code String}, {@code Double}, {@code Integer}, {@code Boolean}, or
   *     {@code Map} ({@code entities}: kind name to {@code Integer} count)
   * @param nullable whether the value may be null (only {@code target_nw})
   */
  public record Field(String name, Class<?> type, boolean nullable) {}

  /**
   * The serialised fields in order, for every front end (CLI {@code --report} JSON, the API's
   * {@code Report}, the Spark report column). {@code guarantee} is derived from {@code
   * unprotected_words}.
   */
  public static final List<Field> FIELDS =
      List.of(
          new Field("mechanism", String.class, false),
          new Field("epsilon_per_word", Double.class, false),
          new Field("euclidean_epsilon_per_word", Double.class, false),
          new Field("words", Integer.class, false),
          new Field("words_perturbed", Integer.class, false),
          new Field("oov_words", Integer.class, false),
          new Field("oov_policy", String.class, false),
          new Field("oov_kept", Integer.class, false),
          new Field("skipped_words", Integer.class, false),
          new Field("unprotected_words", Integer.class, false),
          new Field("guarantee", String.class, false),
          new Field("total_epsilon", Double.class, false),
          new Field("seeded", Boolean.class, false),
          new Field("target_nw", Double.class, true),
          new Field("oov_subword", Integer.class, false),
          new Field("casing", String.class, false),
          new Field("entity_treatment", String.class, false),
          new Field("entities", Map.class, false));

  /**
   * @throws InvalidParameterException if a number is not finite or negative, or a name is
   *     missing: no report ever holds {@code Infinity} or {@code NaN} (they are not JSON, and a
   *     ledger cannot add them up); the entity counts are copied
   */
  public PrivacyReport {
    Objects.requireNonNull(mechanism, "mechanism");
    Objects.requireNonNull(oovPolicy, "oovPolicy");
    Objects.requireNonNull(casing, "casing");
    Objects.requireNonNull(entityTreatment, "entityTreatment");
    entities =
        java.util.Collections.unmodifiableMap(
            new LinkedHashMap<>(Objects.requireNonNull(entities, "entities")));
    for (Integer count : entities.values()) {
      if (count == null || count < 0) {
        throw new InvalidParameterException("a privacy report's entity counts must be >= 0");
      }
    }
    checkFinite("epsilon_per_word", epsilonPerWord);
    checkFinite("euclidean_epsilon_per_word", euclideanEpsilonPerWord);
    checkFinite("total_epsilon", totalEpsilon);
    if (targetNw != null) {
      checkFinite("target_nw", targetNw);
    }
    if (words < 0 || wordsPerturbed < 0 || oovWords < 0 || oovKept < 0 || skippedWords < 0
        || unprotectedWords < 0 || oovSubword < 0) {
      throw new InvalidParameterException("a privacy report's word counts must be >= 0");
    }
  }

  private static void checkFinite(String name, double value) {
    if (!Double.isFinite(value) || value < 0) {
      throw new InvalidParameterException(
          "a privacy report's " + name + " must be a finite number >= 0 (at most "
              + Double.MAX_VALUE + "), got " + value);
    }
  }

  /**
   * @return {@value #METRIC_DP} when every word of the record went through the mechanism, else
   *     {@code "none for N words"} with N = {@link #unprotectedWords()}: those words are released
   *     verbatim and no epsilon bounds what they reveal
   */
  public String guarantee() {
    return unprotectedWords == 0 ? METRIC_DP : "none for " + unprotectedWords + " words";
  }

  /**
   * @return the total number of identifiers recognized in the record
   */
  public int entityCount() {
    return entities.values().stream().mapToInt(Integer::intValue).sum();
  }

  /**
   * @return the report as {@link #FIELDS} name to value ({@code String}, {@code Double}, {@code
   *     Integer}, {@code Boolean}, the unmodifiable {@code Map<String, Integer>} of {@code
   *     entities}, or null for an absent {@code target_nw}), in that order
   */
  public Map<String, Object> fields() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("mechanism", mechanism);
    m.put("epsilon_per_word", epsilonPerWord);
    m.put("euclidean_epsilon_per_word", euclideanEpsilonPerWord);
    m.put("words", words);
    m.put("words_perturbed", wordsPerturbed);
    m.put("oov_words", oovWords);
    m.put("oov_policy", oovPolicy);
    m.put("oov_kept", oovKept);
    m.put("skipped_words", skippedWords);
    m.put("unprotected_words", unprotectedWords);
    m.put("guarantee", guarantee());
    m.put("total_epsilon", totalEpsilon);
    m.put("seeded", seeded);
    m.put("target_nw", targetNw);
    m.put("oov_subword", oovSubword);
    m.put("casing", casing);
    m.put("entity_treatment", entityTreatment);
    m.put("entities", entities);
    return m;
  }

  /**
   * The serialised report, the one form every front end emits: {@link #fields()} in {@link
   * #FIELDS} order without the absent optional field ({@code target_nw} when epsilon was given
   * directly), as the API's {@code Report} schema states and as Spark's JSON writer drops a null
   * column. The CLI's {@code --report} lines and the API's reports are this map; the Spark report
   * column holds {@link #fields()} (a struct has every field; {@code target_nw} is null there).
   *
   * @return field name to value, in {@link #FIELDS} order, nulls left out
   */
  public Map<String, Object> toMap() {
    Map<String, Object> m = fields();
    m.values().removeIf(java.util.Objects::isNull);
    return m;
  }

  /**
   * The inverse of {@link #fields()} ({@code guarantee} is ignored: it is derived). {@code
   * entities} may be any {@code Map} of kind name to {@code Integer}.
   *
   * @param f values by {@link #FIELDS} name
   * @return the report
   * @throws InvalidParameterException if a number is not finite
   * @throws NullPointerException or ClassCastException if a field is missing or of another type
   */
  @SuppressWarnings("unchecked")
  public static PrivacyReport fromFields(Map<String, ?> f) {
    return new PrivacyReport(
        (String) f.get("mechanism"),
        (Double) f.get("epsilon_per_word"),
        (Double) f.get("euclidean_epsilon_per_word"),
        (Integer) f.get("words"),
        (Integer) f.get("words_perturbed"),
        (Integer) f.get("oov_words"),
        (String) f.get("oov_policy"),
        (Integer) f.get("oov_kept"),
        (Integer) f.get("skipped_words"),
        (Integer) f.get("unprotected_words"),
        (Double) f.get("total_epsilon"),
        (Boolean) f.get("seeded"),
        (Double) f.get("target_nw"),
        (Integer) f.get("oov_subword"),
        (String) f.get("casing"),
        (String) f.get("entity_treatment"),
        (Map<String, Integer>) f.get("entities"));
  }

  /**
   * @return a builder; {@code totalEpsilon} and {@code unprotectedWords} are derived by {@link
   *     Builder#build()}
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builder for {@link PrivacyReport}: sets the counts, derives the totals. */
  public static final class Builder {
    private String mechanism;
    private double epsilonPerWord;
    private double euclideanEpsilonPerWord = Double.NaN;
    private int words;
    private int wordsPerturbed;
    private int oovWords;
    private String oovPolicy = OovPolicy.UNK.cliName();
    private int oovKept;
    private int skippedWords;
    private boolean seeded;
    private Double targetNw;
    private int oovSubword;
    private String casing = CasingPolicy.STRUCTURAL.reportName();
    private String entityTreatment = "off";
    private Map<String, Integer> entities = Map.of();

    private Builder() {}

    /**
     * @param v mechanism name
     * @return this builder
     */
    public Builder mechanism(String v) {
      mechanism = v;
      return this;
    }

    /**
     * @param v epsilon parameter per word, in the mechanism's metric
     * @return this builder
     */
    public Builder epsilonPerWord(double v) {
      epsilonPerWord = v;
      return this;
    }

    /**
     * @param v Euclidean-equivalent epsilon per word; defaults to {@code epsilonPerWord}
     * @return this builder
     */
    public Builder euclideanEpsilonPerWord(double v) {
      euclideanEpsilonPerWord = v;
      return this;
    }

    /**
     * @param v word tokens
     * @return this builder
     */
    public Builder words(int v) {
      words = v;
      return this;
    }

    /**
     * @param v words through the mechanism
     * @return this builder
     */
    public Builder wordsPerturbed(int v) {
      wordsPerturbed = v;
      return this;
    }

    /**
     * @param v out-of-vocabulary words
     * @return this builder
     */
    public Builder oovWords(int v) {
      oovWords = v;
      return this;
    }

    /**
     * @param v the OOV policy's name
     * @return this builder
     */
    public Builder oovPolicy(String v) {
      oovPolicy = v;
      return this;
    }

    /**
     * @param v OOV words copied through
     * @return this builder
     */
    public Builder oovKept(int v) {
      oovKept = v;
      return this;
    }

    /**
     * @param v skip-list words copied through
     * @return this builder
     */
    public Builder skippedWords(int v) {
      skippedWords = v;
      return this;
    }

    /**
     * @param v whether a caller's seed was used
     * @return this builder
     */
    public Builder seeded(boolean v) {
      seeded = v;
      return this;
    }

    /**
     * @param v the median-N_w target, or null
     * @return this builder
     */
    public Builder targetNw(Double v) {
      targetNw = v;
      return this;
    }

    /**
     * @param v OOV words perturbed from their subword vector
     * @return this builder
     */
    public Builder oovSubword(int v) {
      oovSubword = v;
      return this;
    }

    /**
     * @param v the casing policy applied
     * @return this builder
     */
    public Builder casing(CasingPolicy v) {
      casing = v.reportName();
      return this;
    }

    /**
     * @param v how direct identifiers were treated ({@code
     *     io.dxrewrite.entity.EntityTreatment#cliName()}); default "off"
     * @return this builder
     */
    public Builder entityTreatment(String v) {
      entityTreatment = v;
      return this;
    }

    /**
     * @param v identifiers recognized per kind name; default none
     * @return this builder
     */
    public Builder entities(Map<String, Integer> v) {
      entities = v;
      return this;
    }

    /**
     * @return the report, with {@code unprotectedWords = oovKept + skippedWords} and {@code
     *     totalEpsilon = euclideanEpsilonPerWord * wordsPerturbed}
     * @throws TotalEpsilonException if the total is not a finite number (the message states the
     *     limit)
     * @throws InvalidParameterException if another number is not finite
     */
    public PrivacyReport build() {
      double euclidean = Double.isNaN(euclideanEpsilonPerWord) ? epsilonPerWord : euclideanEpsilonPerWord;
      return new PrivacyReport(
          mechanism,
          epsilonPerWord,
          euclidean,
          words,
          wordsPerturbed,
          oovWords,
          oovPolicy,
          oovKept,
          skippedWords,
          oovKept + skippedWords,
          TotalEpsilonLimit.recordTotal(euclidean, wordsPerturbed),
          seeded,
          targetNw,
          oovSubword,
          casing,
          entityTreatment,
          entities);
    }
  }
}
