package io.dxrewrite.entity;

import io.dxrewrite.error.IoFailureException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * Public lists of first names and surnames: every Latin-script locale's {@code person.first_name},
 * {@code person.middle_name} and {@code person.last_name} lists of the npm package
 * {@code @faker-js/faker} 10.6.0 (MIT licence, see NOTICE), lower-cased, split at spaces, sorted
 * and de-duplicated by {@code scripts/make-name-gazetteer.sh} into the gzipped UTF-8 word lists
 * {@code first-names.txt.gz} (15,491 words) and {@code surnames.txt.gz} (14,288 words) next to this
 * class. The lists are public: they are used both to recognize names ({@link PersonNameRecognizer})
 * and to draw surrogate names ({@link Surrogates}). Immutable and thread-safe.
 */
public final class Gazetteer {
  private final List<String> firstNames;
  private final List<String> surnames;
  private final Set<String> firstSet;
  private final Set<String> surnameSet;

  /**
   * @param firstNames first names (any case; stored lower-case, {@link Locale#ROOT})
   * @param surnames surnames (any case; stored lower-case)
   * @throws IllegalArgumentException if either list is empty
   */
  public Gazetteer(List<String> firstNames, List<String> surnames) {
    if (firstNames.isEmpty() || surnames.isEmpty()) {
      throw new IllegalArgumentException("a gazetteer needs first names and surnames");
    }
    this.firstNames = firstNames.stream().map(w -> w.toLowerCase(Locale.ROOT)).distinct().toList();
    this.surnames = surnames.stream().map(w -> w.toLowerCase(Locale.ROOT)).distinct().toList();
    this.firstSet = Set.copyOf(this.firstNames);
    this.surnameSet = Set.copyOf(this.surnames);
  }

  /**
   * @return the built-in gazetteer, loaded once per class loader
   * @throws IoFailureException if the bundled resources cannot be read (a broken jar)
   */
  public static Gazetteer builtIn() {
    return BuiltIn.INSTANCE;
  }

  /**
   * @param lower a word in lower case
   * @return whether it is a listed first name
   */
  public boolean isFirstName(String lower) {
    return firstSet.contains(lower);
  }

  /**
   * @param lower a word in lower case
   * @return whether it is a listed surname
   */
  public boolean isSurname(String lower) {
    return surnameSet.contains(lower);
  }

  /**
   * @return the first names, lower-case, in a fixed order (for uniform surrogate draws)
   */
  public List<String> firstNames() {
    return firstNames;
  }

  /**
   * @return the surnames, lower-case, in a fixed order
   */
  public List<String> surnames() {
    return surnames;
  }

  private static final class BuiltIn {
    static final Gazetteer INSTANCE = new Gazetteer(read("first-names.txt.gz"), read("surnames.txt.gz"));
  }

  private static List<String> read(String resource) {
    try (InputStream raw = Gazetteer.class.getResourceAsStream(resource)) {
      if (raw == null) {
        throw new IoFailureException(
            "built-in name list " + resource + " is missing from the jar", null);
      }
      BufferedReader in =
          new BufferedReader(new InputStreamReader(new GZIPInputStream(raw), StandardCharsets.UTF_8));
      List<String> words = new ArrayList<>();
      Set<String> seen = new HashSet<>();
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (!line.isEmpty() && seen.add(line)) {
          words.add(line);
        }
      }
      return words;
    } catch (IOException e) {
      throw new IoFailureException("cannot read built-in name list " + resource + ": " + e.getMessage(), e);
    }
  }
}
