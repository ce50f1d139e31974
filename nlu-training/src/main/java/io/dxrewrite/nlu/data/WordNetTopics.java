package io.dxrewrite.nlu.data;

import io.dxrewrite.error.DxRewriteException;
import io.dxrewrite.error.InvalidInputException;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The WordNet gloss-topic set: every synset's gloss (definition and examples) labelled with its
 * lexicographer file (45 classes such as noun.animal, verb.motion, adj.all), read from the Debian
 * package {@code wordnet-base} ({@code /usr/share/wordnet/data.{noun,verb,adj,adv}}; WordNet 3.0
 * gives 117,659 glosses).
 *
 * <p>Fixed split: a synset is in the test split when its byte offset in its data file is divisible
 * by 5 (about 20%), otherwise in train. The rule depends only on WordNet itself, so every run and
 * every machine gets the same split; {@code scripts/make-wordnet-topics.sh} writes the same records
 * as JSONL.
 */
public final class WordNetTopics {
  /** Where Debian's {@code wordnet-base} installs the database. */
  public static final Path DEFAULT_DIR = Path.of("/usr/share/wordnet");

  /** The 45 lexicographer file names, indexed by lex_filenum (WordNet's lexnames(5WN)). */
  public static final List<String> LEXNAMES = List.of(
      "adj.all", "adj.pert", "adv.all", "noun.Tops", "noun.act", "noun.animal", "noun.artifact",
      "noun.attribute", "noun.body", "noun.cognition", "noun.communication", "noun.event",
      "noun.feeling", "noun.food", "noun.group", "noun.location", "noun.motive", "noun.object",
      "noun.person", "noun.phenomenon", "noun.plant", "noun.possession", "noun.process",
      "noun.quantity", "noun.relation", "noun.shape", "noun.state", "noun.substance", "noun.time",
      "verb.body", "verb.change", "verb.cognition", "verb.communication", "verb.competition",
      "verb.consumption", "verb.contact", "verb.creation", "verb.emotion", "verb.motion",
      "verb.perception", "verb.possession", "verb.social", "verb.stative", "verb.weather",
      "adj.ppl");

  private static final String[] FILES = {"data.noun", "data.verb", "data.adj", "data.adv"};

  private WordNetTopics() {}

  /**
   * @param dir the WordNet database directory (usually {@link #DEFAULT_DIR})
   * @return all glosses with their topic and split, in file order (noun, verb, adj, adv)
   * @throws InvalidInputException if the directory lacks the data files (with the apt command)
   */
  public static List<LabelledExample> read(Path dir) {
    List<LabelledExample> out = new ArrayList<>();
    for (String name : FILES) {
      Path file = dir.resolve(name);
      if (!Files.isRegularFile(file)) {
        throw new InvalidInputException("WordNet data file " + file
            + " not found; install it with: apt-get install -y wordnet-base");
      }
      try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
        String line;
        while ((line = in.readLine()) != null) {
          if (line.startsWith("  ")) {
            continue;
          }
          out.add(parse(line, file));
        }
      } catch (IOException e) {
        throw new DxRewriteException("cannot read " + file + ": " + e.getClass().getSimpleName(), e);
      }
    }
    return out;
  }

  /** @return whether the default WordNet directory holds the data files */
  public static boolean installed() {
    return Files.isRegularFile(DEFAULT_DIR.resolve("data.noun"));
  }

  private static LabelledExample parse(String line, Path file) {
    int bar = line.indexOf(" | ");
    int s1 = line.indexOf(' ');
    int s2 = line.indexOf(' ', s1 + 1);
    if (bar < 0 || s1 < 0 || s2 < 0) {
      throw new InvalidInputException(file + ": malformed data line");
    }
    long offset = Long.parseLong(line.substring(0, s1));
    int lexFile = Integer.parseInt(line.substring(s1 + 1, s2));
    String gloss = line.substring(bar + 3).trim();
    return new LabelledExample(
        gloss, LEXNAMES.get(lexFile), offset % 5 == 0 ? Split.TEST : Split.TRAIN);
  }
}
