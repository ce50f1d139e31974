package io.dxrewrite.embeddings.fasttext;

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
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Real fastText test data, made by the build: a small skipgram model trained with Debian's {@code
 * fasttext} on WordNet 3.0 glosses ({@code wordnet-base}), and the quantized {@code lid.176.ftz}.
 *
 * <p>The model is trained once per checkout into {@code target/test-fixtures/} at the repository
 * root and reused by every module's tests. Missing tools are a test failure with the install
 * command, never a silent skip: {@code .ci/run} installs both packages.
 */
public final class FastTextFixtures {
  /** The training command's arguments after the input and output paths (the exact recipe). */
  public static final List<String> TRAINING_ARGS =
      List.of(
          "-dim", "24", "-epoch", "3", "-minCount", "5", "-bucket", "20000", "-minn", "3", "-maxn",
          "6", "-thread", "2", "-verbose", "0");

  /** Gloss lines used for training: enough for a 9k-word vocabulary in about 10 CPU seconds. */
  public static final int GLOSS_LINES = 40_000;

  private static final Path WORDNET = Path.of("/usr/share/wordnet");
  private static final String[] WORDNET_FILES = {"data.noun", "data.verb", "data.adj", "data.adv"};

  private static Path trained;

  private FastTextFixtures() {}

  /**
   * @return the trained skipgram model's {@code .bin}; its {@code .vec} lies next to it
   * @throws AssertionError with the install command if {@code fasttext} or WordNet is missing
   */
  public static synchronized Path wordNetModel() {
    if (trained == null) {
      Path dir = repositoryRoot().resolve("target/test-fixtures/fasttext-wordnet-d24");
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
    Path out = dir.resolve("lid.176.ftz");
    try (var in = FastTextFixtures.class.getResourceAsStream("/fasttext/lid.176.ftz")) {
      if (in == null) {
        throw new AssertionError("test resource /fasttext/lid.176.ftz is missing");
      }
      Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Runs {@code fasttext print-word-vectors MODEL} on the given words.
   *
   * @param model a {@code .bin}
   * @param words words, one per query (no whitespace inside)
   * @return word to its printed components, as printed (strings, so that callers know the
   *     printed precision)
   */
  public static Map<String, String[]> printWordVectors(Path model, Collection<String> words) {
    Path input;
    try {
      input = Files.createTempFile("print-word-vectors", ".txt");
      Files.write(input, words, StandardCharsets.UTF_8);
      ProcessBuilder pb =
          new ProcessBuilder(fastTextBinary(), "print-word-vectors", model.toString())
              .redirectInput(input.toFile())
              .redirectError(ProcessBuilder.Redirect.DISCARD);
      Process p = pb.start();
      Map<String, String[]> out = new LinkedHashMap<>();
      try (BufferedReader r =
          new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = r.readLine()) != null) {
          String[] parts = line.strip().split(" ");
          String[] values = new String[parts.length - 1];
          System.arraycopy(parts, 1, values, 0, values.length);
          out.put(parts[0], values);
        }
      }
      if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new AssertionError("fasttext print-word-vectors failed");
      }
      Files.delete(input);
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
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
          List.of(fastTextBinary(), "skipgram", "-input", corpus.toString(), "-output",
              tmp.resolve("model").toString()));
      command.addAll(TRAINING_ARGS);
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
        throw new AssertionError("fasttext skipgram failed: " + log);
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
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** The first {@link #GLOSS_LINES} glosses, lower-cased, every run of non-word characters a space. */
  private static void writeGlosses(Path corpus) throws IOException {
    int lines = 0;
    try (Writer w =
        new BufferedWriter(
            new OutputStreamWriter(Files.newOutputStream(corpus), StandardCharsets.UTF_8))) {
      for (String name : WORDNET_FILES) {
        Path file = WORDNET.resolve(name);
        if (!Files.isRegularFile(file)) {
          throw new AssertionError(
              "WordNet glosses not found at " + file + ": install Debian's wordnet-base"
                  + " (apt-get install -y wordnet-base; .ci/run does this)");
        }
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
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

  private static String fastTextBinary() {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
      Path candidate = Path.of(dir.isEmpty() ? "." : dir, "fasttext");
      if (Files.isExecutable(candidate)) {
        return candidate.toString();
      }
    }
    throw new AssertionError(
        "the fastText CLI is not on PATH: install Debian's fasttext (apt-get install -y fasttext;"
            + " .ci/run does this). The fastText tests need it to train a real model.");
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
