package io.dxrewrite.mechanism.spec;

import io.dxrewrite.error.DxPreconditions;
import io.dxrewrite.error.InvalidParameterException;
import io.dxrewrite.mechanism.MahalanobisMechanism;
import io.dxrewrite.mechanism.MechanismParameters;
import io.dxrewrite.mechanism.MultivariateLaplaceMechanism;
import io.dxrewrite.mechanism.TemMechanism;
import io.dxrewrite.mechanism.VickreyMechanism;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Function;

/**
 * The one home of the mechanisms' names, descriptions, metrics, parameters, defaults, ranges and
 * withdrawals. The CLI ({@code MechanismOptions}), the Spark job, the API's validation and {@code
 * GET /v1/mechanisms}, {@link io.dxrewrite.mechanism.Mechanisms#create} and {@link
 * io.dxrewrite.rewrite.RewriteOptions} derive from it; tests check that {@code openapi.yaml} and
 * the README's mechanism table agree with it.
 *
 * <p>Sources: cmp, Feyisetan et al., WSDM 2020 (Theorem 1); mahalanobis, Xu et al., PrivateNLP
 * 2020; vickrey, Xu, Aggarwal, Feyisetan, Teissier 2021 (Algorithm 1); tem, Carvalho, Vasiloudis,
 * Feyisetan, Wang, SDM 2023 (Algorithm 1). Each mechanism's class proves its guarantee.
 */
public final class MechanismCatalogue {
  /** The Euclidean metric of CMP and TEM. */
  public static final String EUCLIDEAN_METRIC = "Euclidean ||phi(w) - phi(w')||";

  /** The metric of the Mahalanobis mechanism. */
  public static final String MAHALANOBIS_METRIC =
      "regularised Mahalanobis ||A^-1 (phi(w) - phi(w'))||, A = (lambda Sigma + (1 - lambda) I)^(1/2)";

  /** The metric of the Vickrey mechanism: its noise's. */
  public static final String VICKREY_METRIC =
      "that of its noise: Euclidean for lambda = 0, regularised Mahalanobis for lambda > 0";

  /** Units of a Euclidean mechanism's epsilon. */
  public static final String EUCLIDEAN_UNITS =
      "per word, in inverse units of embedding (Euclidean) distance; charged as is";

  /** Units of a Mahalanobis-metric epsilon. */
  public static final String MAHALANOBIS_UNITS =
      "per word, in inverse units of the Mahalanobis metric; charged as the Euclidean-equivalent"
          + " epsilon / sqrt(lambda_min(lambda Sigma + (1 - lambda) I)) (euclidean_epsilon_per_word)";

  /** The mechanisms, in the order every front end lists them. */
  public static final List<MechanismSpec> MECHANISMS =
      List.of(
          new MechanismSpec(
              MultivariateLaplaceMechanism.NAME,
              "multivariate Laplace noise on the embedding, then the nearest word (Feyisetan et"
                  + " al., WSDM 2020); epsilon-metric DP, Euclidean",
              EUCLIDEAN_METRIC,
              EUCLIDEAN_UNITS),
          new MechanismSpec(
              MahalanobisMechanism.NAME,
              "noise shaped by the embedding covariance, then the nearest word (Xu et al.,"
                  + " PrivateNLP 2020)",
              MAHALANOBIS_METRIC,
              MAHALANOBIS_UNITS),
          new MechanismSpec(
              VickreyMechanism.NAME,
              "noisy vector as CMP (or Mahalanobis), then one of its two nearest words (Xu et al."
                  + " 2021)",
              VICKREY_METRIC,
              MAHALANOBIS_UNITS),
          new MechanismSpec(
              TemMechanism.NAME,
              "truncated exponential mechanism: y drawn with probability proportional to"
                  + " exp(-(epsilon/2) min(d(w,y), gamma)) (Carvalho et al., SDM 2023);"
                  + " epsilon-metric DP, Euclidean, same units as cmp; density-aware by"
                  + " construction; the server scans the whole vocabulary for each word and shares"
                  + " no cache between requests",
              EUCLIDEAN_METRIC,
              EUCLIDEAN_UNITS));

  /** The mechanism used when the caller names none. */
  public static final String DEFAULT_MECHANISM = MultivariateLaplaceMechanism.NAME;

  private static final List<String> NAMES = MECHANISMS.stream().map(MechanismSpec::name).toList();

  /** Epsilon per word: every mechanism; give it or {@link #TARGET_NW}. */
  public static final ParameterSpec EPSILON =
      new ParameterSpec(
          "epsilon",
          "--epsilon",
          "number",
          "per word, in inverse units of the mechanism's metric (see epsilon_units)",
          "Epsilon per word; smaller is more private. Give exactly one of epsilon and target_nw."
              + " Below the minimum the noise swamps float32 arithmetic.",
          Range.closed(DxPreconditions.MIN_EPSILON, Double.MAX_VALUE),
          NAMES,
          Map.of());

  /** Instead of epsilon: the text-N_w target epsilon is calibrated from. */
  public static final ParameterSpec TARGET_NW =
      new ParameterSpec(
          "target_nw",
          "--target-nw",
          "number",
          "share of words (a probability)",
          "Instead of epsilon: the share of a typical text's words that come back unchanged (text"
              + " N_w, words drawn from a Zipf prior over the store's frequency-ordered rows);"
              + " epsilon is calibrated from it and both are reported.",
          Range.open(0, 1),
          NAMES,
          Map.of());

  /** Mahalanobis regularisation (mahalanobis, vickrey). */
  public static final ParameterSpec LAMBDA =
      new ParameterSpec(
          "lambda",
          "--lambda",
          "number",
          "weight (dimensionless)",
          "Mahalanobis regularisation: the noise is stretched by (lambda Sigma + (1 - lambda)"
              + " I)^(1/2), Sigma the embedding covariance; 0 is CMP noise.",
          Range.closed(0, 1),
          List.of(MahalanobisMechanism.NAME, VickreyMechanism.NAME),
          orderedDefaults(
              MahalanobisMechanism.NAME, MahalanobisMechanism.DEFAULT_LAMBDA,
              VickreyMechanism.NAME, VickreyMechanism.DEFAULT_LAMBDA));

  /** The Vickrey parameter t. */
  public static final ParameterSpec T =
      new ParameterSpec(
          "t",
          "--t",
          "number",
          "weight (dimensionless)",
          "Vickrey parameter: the first of the two nearest words comes out with probability"
              + " (1 - t) d2 / (t d1 + (1 - t) d2); larger t favours the runner-up.",
          Range.closed(0, 1),
          List.of(VickreyMechanism.NAME),
          Map.of(VickreyMechanism.NAME, VickreyMechanism.DEFAULT_T));

  /** TEM's beta. */
  public static final ParameterSpec BETA =
      new ParameterSpec(
          "beta",
          "--beta",
          "number",
          "probability (dimensionless)",
          "TEM parameter: gamma = (2/epsilon) ln((1 - beta)(|V| - 1)/beta) bounds the"
              + " neighbourhood whose words keep their own score -d(w,y); the rest share one.",
          Range.open(0, 1),
          List.of(TemMechanism.NAME),
          Map.of(TemMechanism.NAME, TemMechanism.DEFAULT_BETA));

  /** Every parameter, in the order front ends list them. */
  public static final List<ParameterSpec> PARAMETERS = List.of(EPSILON, LAMBDA, T, BETA, TARGET_NW);

  /** The mechanisms' own parameters (those of {@link MechanismParameters}). */
  public static final List<ParameterSpec> OWN_PARAMETERS = List.of(LAMBDA, T, BETA);

  /** Withdrawn mechanisms, refused by name with their reason. */
  public static final List<WithdrawnMechanism> WITHDRAWN =
      List.of(
          new WithdrawnMechanism(
              "truncated-gumbel",
              "its candidate step (the input word and its k nearest others, k ~ Poisson) is not"
                  + " metric-DP, because a word's neighbour rank is not bounded by distance, so it"
                  + " does not deliver the epsilon it claims"));

  private MechanismCatalogue() {}

  private static Map<String, Double> orderedDefaults(String a, double da, String b, double db) {
    Map<String, Double> m = new java.util.LinkedHashMap<>();
    m.put(a, da);
    m.put(b, db);
    return m;
  }

  /**
   * @return the names of the available mechanisms, in catalogue order
   */
  public static List<String> names() {
    return NAMES;
  }

  /**
   * @param name a mechanism name
   * @return its spec
   * @throws InvalidParameterException if the name is unknown (the message lists the allowed
   *     names)
   */
  public static MechanismSpec mechanism(String name) {
    DxPreconditions.checkOneOf("mechanism", name, NAMES);
    return MECHANISMS.get(NAMES.indexOf(name));
  }

  /**
   * @param mechanism a mechanism name
   * @return the parameters that apply to it, epsilon first, in {@link #PARAMETERS} order
   */
  public static List<ParameterSpec> parametersOf(String mechanism) {
    return PARAMETERS.stream().filter(p -> p.appliesTo(mechanism)).toList();
  }

  /**
   * @param name a mechanism name
   * @return why it was withdrawn and what to use instead; empty unless {@code name} names a
   *     withdrawn mechanism
   */
  public static Optional<String> withdrawalMessage(String name) {
    return WITHDRAWN.stream()
        .filter(w -> w.name().equals(name))
        .findFirst()
        .map(w -> "mechanism '" + w.name() + "' was withdrawn: " + w.reason()
            + " (found by dx-rewrite audit; see the README). Use one of: "
            + String.join(", ", NAMES));
  }

  /**
   * Checks the mechanism's own parameters as a caller gave them (null = not given): each must
   * apply to the mechanism and lie in its range.
   *
   * @param mechanism a name from {@link #names()}
   * @param lambda {@link #LAMBDA} or null
   * @param t {@link #T} or null
   * @param beta {@link #BETA} or null
   * @param label how the caller spells a parameter in the applicability message ({@link
   *     ParameterSpec#cliFlag} on a command line, {@link ParameterSpec#name} in a request)
   * @return the parameters, empty where not given (the mechanism's default then applies)
   * @throws InvalidParameterException if a parameter does not apply to the mechanism ({@code
   *     "--t applies to vickrey only, not cmp"}) or is out of range ({@code "t must be in [0.0,
   *     1.0], got 2.0"})
   */
  public static MechanismParameters parameters(
      String mechanism, Double lambda, Double t, Double beta, Function<ParameterSpec, String> label) {
    return new MechanismParameters(
        check(LAMBDA, mechanism, lambda, label),
        check(T, mechanism, t, label),
        check(BETA, mechanism, beta, label));
  }

  /**
   * Checks the ranges of parameters whose applicability is not known (library callers may set
   * any; a parameter that does not apply is ignored by {@link
   * io.dxrewrite.mechanism.Mechanisms#create}).
   *
   * @param parameters the mechanism's own parameters
   * @throws InvalidParameterException if one is out of its range
   */
  public static void checkRanges(MechanismParameters parameters) {
    parameters.lambda().ifPresent(v -> LAMBDA.range().check(LAMBDA.name(), v));
    parameters.t().ifPresent(v -> T.range().check(T.name(), v));
    parameters.beta().ifPresent(v -> BETA.range().check(BETA.name(), v));
  }

  /**
   * @param parameter one of {@link #OWN_PARAMETERS}
   * @param mechanism a mechanism it applies to
   * @param given the caller's value, or empty
   * @return the caller's value, else the mechanism's default
   * @throws IllegalStateException if the parameter has no default for that mechanism
   */
  public static double valueOrDefault(ParameterSpec parameter, String mechanism, OptionalDouble given) {
    if (given.isPresent()) {
      return given.getAsDouble();
    }
    return parameter.defaultFor(mechanism).orElseThrow(
        () -> new IllegalStateException(parameter.name() + " has no default for " + mechanism));
  }

  /**
   * Help texts for command-line front ends, to be served as a resource bundle (picocli looks an
   * option's description up by its name without dashes, and interpolates {@code ${bundle:key}}):
   * for each of {@link #OWN_PARAMETERS} its full help ({@link ParameterSpec#help}) under its flag
   * without dashes ({@code lambda}); for every parameter its range under {@code range.NAME}
   * ({@code range.epsilon} = {@code [1e-6, max]}).
   *
   * @return key to text, in catalogue order
   */
  public static Map<String, String> helpTexts() {
    Map<String, String> texts = new java.util.LinkedHashMap<>();
    for (ParameterSpec p : OWN_PARAMETERS) {
      texts.put(p.cliFlag().substring(2), p.help(NAMES));
    }
    for (ParameterSpec p : PARAMETERS) {
      texts.put("range." + p.name(), p.range().describe());
    }
    return texts;
  }

  private static OptionalDouble check(
      ParameterSpec p, String mechanism, Double value, Function<ParameterSpec, String> label) {
    if (value == null) {
      return OptionalDouble.empty();
    }
    DxPreconditions.checkArgument(
        p.appliesTo(mechanism),
        label.apply(p) + " applies to " + p.describeMechanisms() + " only, not " + mechanism);
    return OptionalDouble.of(p.range().check(p.name(), value));
  }
}
