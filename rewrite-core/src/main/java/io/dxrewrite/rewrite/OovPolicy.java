package io.dxrewrite.rewrite;

import io.dxrewrite.error.DxPreconditions;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** What happens to a word that is not in the vocabulary (numbers included). */
public enum OovPolicy {
  /**
   * Default. The word is perturbed from one public point (the mean of all vocabulary vectors), so a
   * rare name is never copied through; the mechanism's guarantee holds with phi(w) = that point.
   */
  UNK,
  /**
   * Explicit opt-in. The word is copied through unchanged and unprotected; every privacy report
   * counts the words kept this way.
   */
  KEEP;

  /**
   * @return the command-line name ("unk" or "keep")
   */
  public String cliName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * @param name "unk" or "keep"
   * @return the policy
   * @throws io.dxrewrite.error.InvalidParameterException for any other name
   */
  public static OovPolicy fromCliName(String name) {
    List<String> names = Arrays.stream(values()).map(OovPolicy::cliName).toList();
    DxPreconditions.checkOneOf("oov policy", name, names);
    return valueOf(name.toUpperCase(Locale.ROOT));
  }
}
