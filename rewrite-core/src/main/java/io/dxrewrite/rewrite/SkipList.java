package io.dxrewrite.rewrite;

import io.dxrewrite.error.InvalidInputException;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Loads a public skip list: one word per line, UTF-8, blank lines and lines starting with '#'
 * ignored, words lower-cased. The list must be fixed in advance and public (for example a stop
 * word list); it must never be derived from the data being rewritten.
 */
public final class SkipList {
  private SkipList() {}

  /**
   * @param file the list
   * @return its words, lower-cased
   * @throws InvalidInputException if the file cannot be read or is not UTF-8
   */
  public static Set<String> load(Path file) {
    try {
      Set<String> words = new LinkedHashSet<>();
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        String word = line.strip();
        if (!word.isEmpty() && !word.startsWith("#")) {
          words.add(word.toLowerCase(Locale.ROOT));
        }
      }
      return words;
    } catch (MalformedInputException e) {
      throw new InvalidInputException("skip list " + file + " is not valid UTF-8");
    } catch (NoSuchFileException e) {
      throw new InvalidInputException("skip list " + file + " does not exist");
    } catch (AccessDeniedException e) {
      throw new InvalidInputException("skip list " + file + " is not readable (permission denied)");
    } catch (IOException e) {
      throw new InvalidInputException("cannot read skip list " + file + ": " + e.getClass().getSimpleName());
    }
  }
}
