package io.dxrewrite.bench.names;

import io.dxrewrite.bench.names.SyntheticIdentities.Identity;
import io.dxrewrite.calibration.Calibration;
import io.dxrewrite.calibration.CalibrationCache;
import io.dxrewrite.calibration.EpsilonCalibrator;
import io.dxrewrite.progress.ProgressListener;
import io.dxrewrite.embeddings.DefaultEmbeddings;
import io.dxrewrite.embeddings.EmbeddingStore;
import io.dxrewrite.mechanism.MechanismContext;
import io.dxrewrite.mechanism.MechanismParameters;
import io.dxrewrite.nn.IndexKind;
import io.dxrewrite.rewrite.RewriteOptions;
import io.dxrewrite.rewrite.RewriteResult;
import io.dxrewrite.rewrite.Rewriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How often a name, a city and a common word survive a rewrite (issue 14, item 9): the figures of
 * README's "Choosing epsilon" and of {@code dx-rewrite rewrite --help} come from this harness,
 * regenerated, never typed.
 *
 * <p>It rewrites 200 synthetic lines ({@link SyntheticIdentities}, seed 2026) once per setting, with
 * rewriting seed 1 (reproducible; a seeded run, not for production), and counts the lines whose
 * output still contains, as a whole word (case-insensitive), the full name "FIRST LAST", the first
 * name, the city, and the common word "call". Settings: each mechanism at each epsilon, and each
 * mechanism at each text-level N_w target (epsilon from {@link CalibrationCache}, default sample).
 *
 * <p>Usage: {@code java -cp cli/target/dx-rewrite.jar io.dxrewrite.bench.names.NameSurvival
 * [--embeddings STORE] [--epsilons 5,10,15,20] [--epsilon-mechanisms cmp] [--targets 0.5]
 * [--target-mechanisms cmp,mahalanobis,tem]}; prints a Markdown table. Wrapped by
 * {@code scripts/name-survival.sh}.
 */
public final class NameSurvival {
  static final int LINES = 200;
  static final long LINE_SEED = 2026;
  static final long REWRITE_SEED = 1;

  /**
   * Survival counts of one setting, each out of {@code lines}.
   *
   * @param mechanism mechanism name
   * @param epsilon epsilon per word used
   * @param targetNw the text N_w target epsilon was calibrated from, or NaN
   * @param lines lines rewritten
   * @param fullName lines whose output holds "FIRST LAST"
   * @param firstName lines whose output holds FIRST
   * @param city lines whose output holds CITY
   * @param commonWord lines whose output holds "call"
   */
  public record Row(String mechanism, double epsilon, double targetNw, int lines, int fullName,
      int firstName, int city, int commonWord) {}

  private NameSurvival() {}

  /**
   * Rewrites the synthetic lines at one setting and counts what survives.
   *
   * @param rewriter the rewriter over the store
   * @param mechanism mechanism name
   * @param epsilon epsilon per word
   * @param targetNw target it came from, or NaN
   * @param identities the synthetic lines
   * @return the counts
   */
  public static Row measure(Rewriter rewriter, String mechanism, double epsilon, double targetNw,
      List<Identity> identities) {
    // metric DP alone: the entity layer (default placeholder) would replace the names outright
    RewriteOptions options = RewriteOptions.builder().mechanism(mechanism).epsilon(epsilon)
        .seed(REWRITE_SEED).entities(io.dxrewrite.entity.EntityTreatment.OFF).build();
    List<String> texts = identities.stream().map(Identity::text).toList();
    List<RewriteResult> results = rewriter.rewriteBatch(texts, options);
    int full = 0;
    int first = 0;
    int city = 0;
    int call = 0;
    for (int i = 0; i < identities.size(); i++) {
      Identity id = identities.get(i);
      String out = results.get(i).text();
      full += contains(out, id.first() + " " + id.last()) ? 1 : 0;
      first += contains(out, id.first()) ? 1 : 0;
      city += contains(out, id.city()) ? 1 : 0;
      call += contains(out, "call") ? 1 : 0;
    }
    return new Row(mechanism, epsilon, targetNw, identities.size(), full, first, city, call);
  }

  static boolean contains(String text, String phrase) {
    return Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(phrase) + "(?![\\p{L}\\p{N}])",
        Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE).matcher(text).find();
  }

  /**
   * @param args see the class comment
   */
  public static void main(String[] args) {
    Path storePath = null;
    List<Double> epsilons = List.of(5.0, 10.0, 15.0, 20.0);
    List<String> epsilonMechanisms = List.of("cmp");
    List<Double> targets = List.of(0.5);
    List<String> targetMechanisms = List.of("cmp", "mahalanobis", "tem");
    for (int i = 0; i < args.length; i += 2) {
      String value = i + 1 < args.length ? args[i + 1] : "";
      switch (args[i]) {
        case "--embeddings" -> storePath = Path.of(value);
        case "--epsilons" -> epsilons = doubles(value);
        case "--epsilon-mechanisms" -> epsilonMechanisms = strings(value);
        case "--targets" -> targets = doubles(value);
        case "--target-mechanisms" -> targetMechanisms = strings(value);
        default -> {
          System.err.println("name-survival: unknown option " + args[i]);
          System.exit(2);
        }
      }
    }
    EmbeddingStore store =
        storePath == null ? DefaultEmbeddings.open() : EmbeddingStore.open(storePath);
    MechanismContext context = MechanismContext.of(
        store, IndexKind.fromCliName("auto").create(store), ProgressListener.NONE);
    Rewriter rewriter = new Rewriter(context);
    List<Identity> identities = SyntheticIdentities.generate(LINES, LINE_SEED);
    List<Row> rows = new ArrayList<>();
    for (String mechanism : epsilonMechanisms) {
      for (double epsilon : epsilons) {
        rows.add(measure(rewriter, mechanism, epsilon, Double.NaN, identities));
        System.err.println("name-survival: " + mechanism + " epsilon " + epsilon + " done");
      }
    }
    for (double target : targets) {
      for (String mechanism : targetMechanisms) {
        Calibration c = CalibrationCache.calibrate(context, mechanism,
            MechanismParameters.DEFAULTS, target, EpsilonCalibrator.DEFAULT_WORDS,
            EpsilonCalibrator.DEFAULT_TRIALS, 1, ProgressListener.NONE);
        rows.add(measure(rewriter, mechanism, c.epsilon(), target, identities));
        System.err.println("name-survival: " + mechanism + " target " + target + " done");
      }
    }
    System.out.printf(Locale.ROOT, "Store: %s (%,d words). %d synthetic lines, rewrite seed %d.%n%n",
        store.path().getFileName(), store.size(), LINES, REWRITE_SEED);
    System.out.println("| mechanism | epsilon | target text N_w | full name | first name | city"
        + " | \"call\" |");
    System.out.println("|---|---|---|---|---|---|---|");
    for (Row r : rows) {
      System.out.printf(Locale.ROOT, "| %s | %.3g | %s | %d | %d | %d | %d |%n", r.mechanism(),
          r.epsilon(), Double.isNaN(r.targetNw()) ? "-" : String.valueOf(r.targetNw()),
          r.fullName(), r.firstName(), r.city(), r.commonWord());
    }
  }

  private static List<Double> doubles(String csv) {
    return csv.isBlank() ? List.of()
        : java.util.Arrays.stream(csv.split(",")).map(String::trim).map(Double::valueOf).toList();
  }

  private static List<String> strings(String csv) {
    return csv.isBlank() ? List.of()
        : java.util.Arrays.stream(csv.split(",")).map(String::trim).toList();
  }
}
