package io.dxrewrite.embeddings;

import io.dxrewrite.error.InvalidInputException;
import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The output vocabulary: a public rule, fixed before any text is seen, saying which vocabulary
 * words a mechanism may output. It restricts the candidates only; input words are looked up in the
 * full vocabulary as before.
 *
 * <p>Rules ({@code --output-vocabulary}): {@code all} (every word), {@code letters} (the default of
 * the CLI, the server and Spark: words containing at least one Unicode letter, {@link
 * Character#isLetter(int)}, so "," "--" "1990" and "$" are never outputs while "don't" and "x-ray"
 * are), or a file of allowed words (UTF-8, one per line, surrounding whitespace stripped, blank
 * lines and lines starting with '#' ignored, matched exactly against the vocabulary; listed words
 * the vocabulary lacks are ignored).
 *
 * <p><b>Privacy.</b> Snapping a noisy point to the nearest word of a public subset S instead of the
 * whole vocabulary is post-processing of the noisy point (the subset depends on no input), so every
 * mechanism that selects from the noisy vector alone (CMP, Mahalanobis, Vickrey; Feyisetan et al.
 * WSDM 2020, Theorem 1 and the post-processing property of metric DP) keeps its guarantee
 * unchanged. For the nearest-word mechanisms (CMP, Mahalanobis), whenever the unrestricted output
 * already lies in S the restricted output is the same word (the nearest word of the vocabulary is
 * then also the nearest word of S); {@code SubsetIndexTest}, {@code
 * CertifiedNearestNeighboursTest} and {@code OutputVocabularyRewriteTest} check this with the same
 * seed. Vickrey chooses between the two nearest words of S. The truncated exponential mechanism
 * takes S as its set of allowed outputs ({@code MechanismContext.allowedOutputs()}); restricting
 * the output range of an exponential mechanism to a fixed public set keeps its guarantee too.
 *
 * <p>Immutable and serializable (a file rule carries its word set, so Spark executors need not
 * read the file).
 */
public final class OutputVocabulary implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Every vocabulary word may be an output. */
  public static final OutputVocabulary ALL = new OutputVocabulary("all", null);

  /** Words that contain at least one Unicode letter (the front ends' default). */
  public static final OutputVocabulary LETTERS = new OutputVocabulary("letters", null);

  /** The CLI name of the default rule of the CLI, the server and Spark. */
  public static final String DEFAULT_NAME = "letters";

  private final String name;
  private final Set<String> words;

  private OutputVocabulary(String name, Set<String> words) {
    this.name = name;
    this.words = words;
  }

  /**
   * @param spec "all", "letters", or the path of a word list (see the class comment)
   * @return the rule
   * @throws InvalidInputException if spec is a file that does not exist, cannot be read, is not
   *     UTF-8 or lists no word; the message names the file, never a word
   */
  public static OutputVocabulary parse(String spec) {
    String s = spec.strip();
    if (s.toLowerCase(Locale.ROOT).equals("all")) {
      return ALL;
    }
    if (s.toLowerCase(Locale.ROOT).equals("letters")) {
      return LETTERS;
    }
    return fromFile(Path.of(s));
  }

  /**
   * @param file a word list (see the class comment)
   * @return the rule allowing exactly the listed words that the vocabulary holds
   * @throws InvalidInputException as {@link #parse(String)}
   */
  public static OutputVocabulary fromFile(Path file) {
    String what = "output vocabulary " + file;
    Set<String> listed = new LinkedHashSet<>();
    try {
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        String word = line.strip();
        if (!word.isEmpty() && !word.startsWith("#")) {
          listed.add(word);
        }
      }
    } catch (MalformedInputException e) {
      throw new InvalidInputException(what + " is not valid UTF-8");
    } catch (NoSuchFileException e) {
      throw new InvalidInputException(
          what + " does not exist (expected 'all', 'letters' or a file of words, one per line)");
    } catch (AccessDeniedException e) {
      throw new InvalidInputException(what + " is not readable (permission denied)");
    } catch (IOException e) {
      throw new InvalidInputException("cannot read " + what + ": " + e.getClass().getSimpleName());
    }
    if (listed.isEmpty()) {
      throw new InvalidInputException(what + " lists no word");
    }
    return new OutputVocabulary("file " + file, Set.copyOf(listed));
  }

  /**
   * @return "all", "letters" or "file PATH", for reports and logs
   */
  public String describe() {
    return name;
  }

  /**
   * @return whether this rule allows every word of any vocabulary
   */
  public boolean isAll() {
    return words == null && name.equals("all");
  }

  /**
   * @param word a vocabulary word
   * @return whether the rule allows it as an output
   */
  public boolean allows(String word) {
    if (words != null) {
      return words.contains(word);
    }
    return isAll() || containsLetter(word);
  }

  /**
   * The allowed ids of a vocabulary.
   *
   * @param vocabulary the full vocabulary, ids {@code 0..V-1}
   * @return a new BitSet over {@code [0, V)}: bit i set when word i may be an output
   * @throws InvalidInputException if no word of the vocabulary is allowed (a mechanism would have
   *     no output)
   */
  public BitSet allowed(Vocabulary vocabulary) {
    int v = vocabulary.size();
    BitSet out = new BitSet(v);
    if (isAll()) {
      out.set(0, v);
      return out;
    }
    for (int i = 0; i < v; i++) {
      if (allows(vocabulary.word(i))) {
        out.set(i);
      }
    }
    if (out.isEmpty()) {
      throw new InvalidInputException(
          "the output vocabulary (" + name + ") allows no word of the " + v + "-word vocabulary");
    }
    return out;
  }

  private static boolean containsLetter(String word) {
    return word.codePoints().anyMatch(Character::isLetter);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof OutputVocabulary other
        && name.equals(other.name)
        && java.util.Objects.equals(words, other.words);
  }

  @Override
  public int hashCode() {
    return name.hashCode();
  }

  @Override
  public String toString() {
    return name;
  }
}
