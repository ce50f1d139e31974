package io.dxrewrite.rewrite;

import io.dxrewrite.error.DxPreconditions;
import java.util.Arrays;
import java.util.List;

/**
 * How the rewriter writes the case of output words.
 *
 * <p>The mechanisms look words up in lower case, so "Apple", "apple" and "APPLE" are one point of
 * the embedding (distance 0). Re-applying the input's casing would release it outside the metric
 * DP guarantee (the bound {@code exp(epsilon * 0) = 1} forbids any difference in output
 * distribution, yet "Pear" and "pear" are told apart): {@link #STRUCTURAL}, the default, makes the
 * output's casing a function of public structure only; {@link #KEEP} is the explicit opt-in that
 * releases the input's casing, reported as {@code casing: "released"}.
 */
public enum CasingPolicy {
  /**
   * Every output word in lower case, except the first word of a record, of a line and of a
   * sentence (after {@code .}, {@code !} or {@code ?}), which is capitalised; see {@link
   * io.dxrewrite.text.StructuralCasing}. Depends only on the positions of words, line breaks and
   * sentence punctuation, which are released anyway.
   */
  STRUCTURAL("structural", "structural"),
  /**
   * The input word's casing is re-applied to its replacement and unchanged words keep their exact
   * text (behaviour before this policy existed): casing is released unprotected.
   */
  KEEP("keep", "released");

  private final String cliName;
  private final String reportName;

  CasingPolicy(String cliName, String reportName) {
    this.cliName = cliName;
    this.reportName = reportName;
  }

  /**
   * @return the name used on the command line, in the API and in Spark options
   */
  public String cliName() {
    return cliName;
  }

  /**
   * @return the value of the report's {@code casing} field: "structural" or "released"
   */
  public String reportName() {
    return reportName;
  }

  /**
   * @return the command-line names of all policies
   */
  public static List<String> cliNames() {
    return Arrays.stream(values()).map(CasingPolicy::cliName).toList();
  }

  /**
   * @param name a command-line name
   * @return the policy
   * @throws io.dxrewrite.error.InvalidParameterException if the name is unknown (the message
   *     lists the allowed names)
   */
  public static CasingPolicy fromCliName(String name) {
    DxPreconditions.checkOneOf("casing", name, cliNames());
    return Arrays.stream(values()).filter(p -> p.cliName.equals(name)).findFirst().orElseThrow();
  }
}
