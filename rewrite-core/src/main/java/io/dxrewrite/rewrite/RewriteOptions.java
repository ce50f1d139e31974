package io.dxrewrite.rewrite;

import io.dxrewrite.entity.EntityList;
import io.dxrewrite.entity.EntityOptions;
import io.dxrewrite.entity.EntityTreatment;
import io.dxrewrite.error.DxPreconditions;
import io.dxrewrite.mechanism.MechanismParameters;
import io.dxrewrite.mechanism.Mechanisms;
import io.dxrewrite.mechanism.spec.MechanismCatalogue;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Parameters of one rewrite call. Immutable; build with {@link #builder()}.
 *
 * @param mechanism mechanism name, one of {@link Mechanisms#names()}; default "cmp"
 * @param epsilon epsilon per word, finite and {@code > 0}
 * @param seed empty for {@code SecureRandom} (production); a seed for reproducible output in
 *     tests and audits only, flagged in every report
 * @param oovPolicy what to do with out-of-vocabulary words; default {@link OovPolicy#UNK}
 * @param skipWords a public skip list (lower-case words, for example stop words) applied the same
 *     way to every record: these words are copied through and spend no epsilon. Must not be derived
 *     from the data being rewritten.
 * @param parameters the mechanism's own parameters (lambda, t, beta); defaults when empty
 * @param targetNw when epsilon was calibrated from a text-N_w target (see {@code
 *     io.dxrewrite.calibration.EpsilonCalibrator}), that target, recorded in every report
 * @param casing how output words are cased; default {@link CasingPolicy#STRUCTURAL} (public
 *     structure only), {@link CasingPolicy#KEEP} releases the input's casing
 * @param entities how direct identifiers are treated (see {@link io.dxrewrite.entity.EntityLayer});
 *     default placeholders
 */
public record RewriteOptions(
    String mechanism,
    double epsilon,
    OptionalLong seed,
    OovPolicy oovPolicy,
    Set<String> skipWords,
    MechanismParameters parameters,
    OptionalDouble targetNw,
    CasingPolicy casing,
    EntityOptions entities) {

  /**
   * @throws io.dxrewrite.error.InvalidParameterException if the mechanism is unknown or epsilon is
   *     out of range
   */
  public RewriteOptions {
    Mechanisms.checkName(mechanism);
    DxPreconditions.checkEpsilon(epsilon);
    Objects.requireNonNull(seed, "seed");
    Objects.requireNonNull(oovPolicy, "oovPolicy");
    Objects.requireNonNull(parameters, "parameters");
    Objects.requireNonNull(targetNw, "targetNw");
    Objects.requireNonNull(casing, "casing");
    Objects.requireNonNull(entities, "entities");
    MechanismCatalogue.checkRanges(parameters);
    skipWords =
        skipWords.stream().map(w -> w.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
  }

  /**
   * @param policy a casing policy
   * @return these options with that casing policy
   */
  public RewriteOptions withCasing(CasingPolicy policy) {
    return new RewriteOptions(
        mechanism, epsilon, seed, oovPolicy, skipWords, parameters, targetNw, policy, entities);
  }

  /**
   * @return a builder with the defaults (cmp, no seed, oov unk, no skip list, structural casing,
   *     entity placeholders); epsilon must be set
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builder for {@link RewriteOptions}. */
  public static final class Builder {
    private String mechanism = MechanismCatalogue.DEFAULT_MECHANISM;
    private double epsilon = Double.NaN;
    private OptionalLong seed = OptionalLong.empty();
    private OovPolicy oovPolicy = OovPolicy.UNK;
    private Set<String> skipWords = Set.of();
    private OptionalDouble lambda = OptionalDouble.empty();
    private OptionalDouble t = OptionalDouble.empty();
    private OptionalDouble beta = OptionalDouble.empty();
    private OptionalDouble targetNw = OptionalDouble.empty();
    private CasingPolicy casing = CasingPolicy.STRUCTURAL;
    private EntityTreatment entities = EntityTreatment.PLACEHOLDER;
    private EntityList entityList = EntityList.EMPTY;

    private Builder() {}

    /**
     * @param entities how direct identifiers are treated; default placeholder, off only by this
     *     explicit choice (reported)
     * @return this builder
     */
    public Builder entities(EntityTreatment entities) {
      this.entities = Objects.requireNonNull(entities, "entities");
      return this;
    }

    /**
     * @param entityList user-supplied deny-list terms, added to the built-in recognizers
     * @return this builder
     */
    public Builder entityList(EntityList entityList) {
      this.entityList = Objects.requireNonNull(entityList, "entityList");
      return this;
    }

    /**
     * @param mechanism a name from {@link Mechanisms#names()}
     * @return this builder
     */
    public Builder mechanism(String mechanism) {
      this.mechanism = mechanism;
      return this;
    }

    /**
     * @param epsilon epsilon per word, finite and {@code > 0}
     * @return this builder
     */
    public Builder epsilon(double epsilon) {
      this.epsilon = epsilon;
      return this;
    }

    /**
     * @param seed a seed for reproducible output (tests and audits only)
     * @return this builder
     */
    public Builder seed(long seed) {
      this.seed = OptionalLong.of(seed);
      return this;
    }

    /**
     * @param seed a seed, or empty for secure randomness
     * @return this builder
     */
    public Builder seed(OptionalLong seed) {
      this.seed = seed;
      return this;
    }

    /**
     * @param oovPolicy the out-of-vocabulary policy
     * @return this builder
     */
    public Builder oovPolicy(OovPolicy oovPolicy) {
      this.oovPolicy = oovPolicy;
      return this;
    }

    /**
     * @param skipWords a public skip list; words are lower-cased
     * @return this builder
     */
    public Builder skipWords(Set<String> skipWords) {
      this.skipWords = skipWords;
      return this;
    }

    /**
     * @param lambda Mahalanobis regularisation in [0, 1] (mahalanobis and vickrey)
     * @return this builder
     */
    public Builder lambda(double lambda) {
      this.lambda = OptionalDouble.of(lambda);
      return this;
    }

    /**
     * @param t the Vickrey parameter in [0, 1]
     * @return this builder
     */
    public Builder t(double t) {
      this.t = OptionalDouble.of(t);
      return this;
    }

    /**
     * @param beta the TEM parameter in (0, 1)
     * @return this builder
     */
    public Builder beta(double beta) {
      this.beta = OptionalDouble.of(beta);
      return this;
    }

    /**
     * @param targetNw the text-N_w target that epsilon was calibrated from (for the report)
     * @return this builder
     */
    public Builder targetNw(double targetNw) {
      this.targetNw = OptionalDouble.of(targetNw);
      return this;
    }

    /**
     * @param casing the casing policy ({@link CasingPolicy#KEEP} releases the input's casing)
     * @return this builder
     */
    public Builder casing(CasingPolicy casing) {
      this.casing = casing;
      return this;
    }

    /**
     * @param parameters the mechanism's own parameters
     * @return this builder
     */
    public Builder parameters(MechanismParameters parameters) {
      this.lambda = parameters.lambda();
      this.t = parameters.t();
      this.beta = parameters.beta();
      return this;
    }

    /**
     * @return the options
     * @throws io.dxrewrite.error.InvalidParameterException if epsilon was not set or a parameter is
     *     out of range
     */
    public RewriteOptions build() {
      return new RewriteOptions(
          mechanism,
          epsilon,
          seed,
          oovPolicy,
          skipWords,
          new MechanismParameters(lambda, t, beta),
          targetNw,
          casing,
          new EntityOptions(entities, entityList));
    }
  }
}
