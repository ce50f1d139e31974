package io.dxrewrite.rewrite;

import io.dxrewrite.error.DxPreconditions;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** What happens to a word that is not in the vocabulary (numbers included). */
public enum OovPolicy {
  /**
   * Default without a subword model. The word is perturbed from one public point (the mean of all vocabulary vectors), so a
   * rare name is never copied through; the mechanism's guarantee holds with phi(w) = that point.
   */
  UNK,
  /**
   * Explicit opt-in. The word is copied through unchanged and unprotected; every privacy report
   * counts the words kept this way.
   */
  KEEP,
  /**
   * Default when a fastText model is given. The word is perturbed from its own subword vector
   * phi(w), the average of its character n-gram vectors (Bojanowski et al., TACL 2017), so the
   * guarantee {@code epsilon * ||phi(w) - phi(w')||} extends to every string. Words made only of
   * digits (and words whose subword vector is zero) are perturbed from the public point as under
   * {@link #UNK}: numbers then are indistinguishable from each other (distance 0) and their digits
   * cannot leak through shared n-grams. Punctuation never forms a word (see the tokenizer).
   */
  SUBWORD;

  /**
   * @return the command-line name ("unk", "keep" or "subword")
   */
  public String cliName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * @param name "unk", "keep" or "subword"
   * @return the policy
   * @throws io.dxrewrite.error.InvalidParameterException for any other name
   */
  public static OovPolicy fromCliName(String name) {
    List<String> names = Arrays.stream(values()).map(OovPolicy::cliName).toList();
    DxPreconditions.checkOneOf("oov policy", name, names);
    return valueOf(name.toUpperCase(Locale.ROOT));
  }
}
