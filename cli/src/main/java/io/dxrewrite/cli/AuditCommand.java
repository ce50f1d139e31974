package io.dxrewrite.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dxrewrite.audit.AuditConfig;
import io.dxrewrite.audit.AuditReport;
import io.dxrewrite.audit.PairResult;
import io.dxrewrite.audit.PrivacyAuditor;
import io.dxrewrite.cli.progress.TaskProgress;
import io.dxrewrite.embeddings.Vocabulary;
import io.dxrewrite.error.DxPreconditions;
import io.dxrewrite.mechanism.Mechanism;
import io.dxrewrite.mechanism.MechanismContext;
import io.dxrewrite.mechanism.Mechanisms;
import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code dx-rewrite audit}: runs {@link PrivacyAuditor} on a mechanism and prints the worst pairs
 * and one verdict line. Exit codes: 0 no violation found, {@value #EXIT_VIOLATION} a violation was
 * found, 2 bad usage.
 */
@Command(
    name = "audit",
    mixinStandardHelpOptions = true,
    description = {
      "Tries to break a mechanism's metric-DP claim P[M(w)=y] <= exp(epsilon d(w,w')) P[M(w')=y]"
          + " on a store: exactly for mechanisms with a computable output distribution, else by"
          + " sampling with one-sided Clopper-Pearson bounds and a Bonferroni correction. Pairs:"
          + " nearest, rank-difference, densest, sparsest and random. Exit 0 when no violation is"
          + " found, 3 when one is, 2 on bad usage."
    })
class AuditCommand implements Callable<Integer> {
  /** Exit code when the audit finds a violation. */
  static final int EXIT_VIOLATION = 3;

  @Mixin EmbeddingsOption embeddings;
  @Mixin OutputVocabularyOption outputs;
  @Mixin MechanismOptions mechanism;

  @Option(
      names = "--epsilon",
      required = true,
      paramLabel = "E",
      description = "Claimed epsilon per word to audit.")
  double epsilon;

  @Option(
      names = "--pairs",
      defaultValue = "" + AuditConfig.DEFAULT_PAIRS,
      paramLabel = "N",
      description = "Word pairs the pair search picks. Default: ${DEFAULT-VALUE}.")
  int pairs;

  @Option(
      names = "--samples",
      defaultValue = "" + AuditConfig.DEFAULT_SAMPLES,
      paramLabel = "N",
      description =
          "Draws per word in sampling mode (each one nearest-word search over the store)."
              + " Default: ${DEFAULT-VALUE}.")
  int samples;

  @Option(
      names = "--confidence",
      defaultValue = "" + AuditConfig.DEFAULT_CONFIDENCE,
      paramLabel = "C",
      description =
          "Family-wise confidence of a sampled violation, in (0, 1). Default: ${DEFAULT-VALUE}.")
  double confidence;

  @Option(
      names = "--worst",
      defaultValue = "" + AuditConfig.DEFAULT_WORST,
      paramLabel = "N",
      description = "Pairs listed. Default: ${DEFAULT-VALUE}.")
  int worst;

  @Option(
      names = "--seed",
      paramLabel = "N",
      description = "Seed for a reproducible audit (default: SecureRandom-keyed ChaCha20).")
  Long seed;

  @Option(names = "--json", description = "One JSON object on stdout instead of the table.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    DxPreconditions.checkEpsilon(epsilon);
    mechanism.validate();
    AuditConfig config =
        new AuditConfig(
            pairs,
            samples,
            confidence,
            seed == null ? java.util.OptionalLong.empty() : java.util.OptionalLong.of(seed),
            java.util.List.of(),
            worst);
    MechanismContext context = embeddings.context(outputs);
    Mechanism m = mechanism(context);
    PrivacyAuditor auditor = new PrivacyAuditor(context.store(), context.table());
    System.err.printf(
        Locale.ROOT,
        "dx-rewrite: auditing %s at epsilon %s on %s (%s mode)%n",
        m.name(), epsilon, embeddings.describe(),
        PrivacyAuditor.modeFor(m).name().toLowerCase(Locale.ROOT));
    AuditReport report;
    try (TaskProgress progress = new TaskProgress("audit " + m.name(), " draws")) {
      report = auditor.audit(m, config, progress);
    }
    Vocabulary vocabulary = context.store().vocabulary();
    if (json) {
      System.out.println(new ObjectMapper().writeValueAsString(toJson(report, vocabulary)));
    } else {
      printTable(System.out, report, vocabulary);
    }
    return report.violated() ? EXIT_VIOLATION : DxRewriteCommand.EXIT_OK;
  }

  /**
   * @param context the opened store
   * @return the mechanism named on the command line (tests substitute a deliberately broken one)
   */
  Mechanism mechanism(MechanismContext context) {
    return Mechanisms.create(mechanism.mechanism, context, epsilon, mechanism.parameters());
  }

  private void printTable(PrintStream out, AuditReport r, Vocabulary vocabulary) {
    out.printf(Locale.ROOT, "mechanism %s, epsilon %s per word, store %s%n", r.mechanism(),
        r.epsilon(), embeddings.describe());
    out.println("claimed metric: " + r.metric());
    out.println(
        r.seed().isPresent()
            ? "seeded audit (reproducible): seed " + r.seed().getAsLong()
            : "unseeded audit (SecureRandom-keyed ChaCha20)");
    out.printf(
        Locale.ROOT,
        "%-16s %-16s %-9s %9s %10s %10s %-21s %-16s%n",
        "w", "w'", "source", "d", "eps*d", "loss", "interval", "worst output y");
    for (PairResult p : r.worst()) {
      out.printf(
          Locale.ROOT,
          "%-16s %-16s %-9s %9.4f %10.4f %10s %-21s %-16s%s%n",
          word(vocabulary, p.from()),
          word(vocabulary, p.to()),
          p.pair().source(),
          p.distance(),
          p.claimedBound(),
          number(p.loss()),
          "[" + number(p.lossLower()) + ", " + number(p.lossUpper()) + "]",
          p.output() < 0 ? "-" : word(vocabulary, p.output()),
          p.violation() ? "  VIOLATION" : "");
    }
    out.println(r.verdict());
  }

  private static String word(Vocabulary vocabulary, int id) {
    String w = vocabulary.word(id);
    return w.length() > 16 ? w.substring(0, 15) + "~" : w;
  }

  private static String number(double v) {
    if (Double.isNaN(v)) {
      return "-";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "inf" : "-inf";
    }
    return String.format(Locale.ROOT, "%.4f", v);
  }

  private ObjectNode toJson(AuditReport r, Vocabulary vocabulary) {
    ObjectMapper mapper = new ObjectMapper();
    ObjectNode root = mapper.createObjectNode();
    root.put("mechanism", r.mechanism())
        .put("epsilon", r.epsilon())
        .put("store", embeddings.describe())
        .put("metric", r.metric())
        .put("mode", r.mode().name().toLowerCase(Locale.ROOT))
        .put("pairs_checked", r.pairsChecked())
        .put("samples_per_word", r.samples())
        .put("confidence", r.confidence())
        .put("tests", r.tests())
        .put("per_test_alpha", r.perTestAlpha())
        .put("tolerance_nats", r.tolerance())
        .put("seeded", r.seed().isPresent());
    if (r.seed().isPresent()) {
      root.put("seed", r.seed().getAsLong());
    }
    ArrayNode list = root.putArray("worst");
    for (PairResult p : r.worst()) {
      ObjectNode o = list.addObject();
      o.put("w", vocabulary.word(p.from()))
          .put("w_id", p.from())
          .put("w_prime", vocabulary.word(p.to()))
          .put("w_prime_id", p.to())
          .put("source", p.pair().source())
          .put("detail", p.pair().detail())
          .put("distance", p.distance())
          .put("claimed_bound", p.claimedBound());
      putNumber(o, "loss", p.loss());
      putNumber(o, "loss_lower", p.lossLower());
      putNumber(o, "loss_upper", p.lossUpper());
      if (p.output() >= 0) {
        o.put("output", vocabulary.word(p.output())).put("output_id", p.output());
      } else {
        o.putNull("output");
      }
      o.put("violation", p.violation());
    }
    root.put("violations", r.violations())
        .put("violated", r.violated())
        .put("verdict", r.verdict());
    return root;
  }

  /** JSON has no infinities: they are written as the strings "Infinity" and "-Infinity". */
  private static void putNumber(ObjectNode o, String name, double v) {
    if (Double.isNaN(v)) {
      o.putNull(name);
    } else if (Double.isInfinite(v)) {
      o.put(name, v > 0 ? "Infinity" : "-Infinity");
    } else {
      o.put(name, v);
    }
  }
}
