package io.dxrewrite.mechanism.spec;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * One numeric parameter of the mechanisms, as every front end shows and checks it. Instances live
 * in {@link MechanismCatalogue}; front ends derive their flags, fields, help, defaults and checks
 * from it and never restate them.
 *
 * @param name the API field name (snake_case, e.g. {@code target_nw}), also the name in messages
 *     and in {@code GET /v1/mechanisms}
 * @param cliFlag the command-line flag (e.g. {@code --target-nw}), used by the CLI and the Spark
 *     job
 * @param type the JSON type, {@code "number"}
 * @param unit what the number measures (e.g. "per word, in inverse units of the mechanism's
 *     metric")
 * @param description what it does, one sentence, no defaults or ranges (those are derived)
 * @param range allowed values
 * @param mechanisms the mechanisms it applies to, in catalogue order (every mechanism for epsilon
 *     and target_nw)
 * @param defaults its default per mechanism, for those of {@code mechanisms} that have one (none
 *     for epsilon and target_nw: the caller gives exactly one of them)
 */
public record ParameterSpec(
    String name,
    String cliFlag,
    String type,
    String unit,
    String description,
    Range range,
    List<String> mechanisms,
    Map<String, Double> defaults) {

  /**
   * @throws IllegalArgumentException if a default is given for a mechanism the parameter does not
   *     apply to, or lies outside the range
   */
  public ParameterSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(cliFlag, "cliFlag");
    Objects.requireNonNull(range, "range");
    mechanisms = List.copyOf(mechanisms);
    defaults = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(defaults));
    for (Map.Entry<String, Double> d : defaults.entrySet()) {
      if (!mechanisms.contains(d.getKey()) || !range.contains(d.getValue())) {
        throw new IllegalArgumentException("bad default of " + name + " for " + d.getKey());
      }
    }
  }

  /**
   * @param mechanism a mechanism name
   * @return whether this parameter applies to it
   */
  public boolean appliesTo(String mechanism) {
    return mechanisms.contains(mechanism);
  }

  /**
   * @param mechanism a mechanism name
   * @return the value used when the caller gives none; empty if the parameter does not apply to
   *     the mechanism or has no default
   */
  public OptionalDouble defaultFor(String mechanism) {
    Double d = defaults.get(mechanism);
    return d == null ? OptionalDouble.empty() : OptionalDouble.of(d);
  }

  /**
   * @return the defaults in words, e.g. {@code "mahalanobis 0.2, vickrey 0"}, or {@code "none"}
   */
  public String describeDefaults() {
    if (defaults.isEmpty()) {
      return "none";
    }
    StringBuilder s = new StringBuilder();
    defaults.forEach((m, d) -> s.append(s.length() == 0 ? "" : ", ")
        .append(defaults.size() == 1 && mechanisms.size() == 1 ? "" : m + " ")
        .append(Range.format(d)));
    return s.toString();
  }

  /**
   * @return the mechanisms in words, e.g. {@code "mahalanobis and vickrey"}
   */
  public String describeMechanisms() {
    if (mechanisms.size() == 1) {
      return mechanisms.get(0);
    }
    return String.join(", ", mechanisms.subList(0, mechanisms.size() - 1)) + " and "
        + mechanisms.get(mechanisms.size() - 1);
  }

  /**
   * The help of a flag or field: description, applicability, range and defaults, e.g. {@code
   * "mahalanobis and vickrey only: Mahalanobis regularisation ... In [0, 1]; default mahalanobis
   * 0.2, vickrey 0."}.
   *
   * @param allMechanisms the names of every mechanism, to leave out "only" for a parameter that
   *     applies to all
   * @return the help text
   */
  public String help(List<String> allMechanisms) {
    String scope = mechanisms.containsAll(allMechanisms) ? "" : describeMechanisms() + " only: ";
    return scope + description + " In " + range.describe() + "; default " + describeDefaults()
        + ".";
  }
}
