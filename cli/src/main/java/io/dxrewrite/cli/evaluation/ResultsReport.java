package io.dxrewrite.cli.evaluation;

import io.dxrewrite.nlu.eval.GridResult;
import io.dxrewrite.nlu.eval.GridSpec;
import java.util.List;
import java.util.Locale;

/** Renders the privacy-utility grid as {@code RESULTS.md}. */
public final class ResultsReport {
  private ResultsReport() {}

  /**
   * @param dataset the dataset's name or path
   * @param trainRecords training records used
   * @param testRecords test records used
   * @param spec the grid
   * @param results one result per cell
   * @param plots file names of the plots to link
   * @return the Markdown document
   */
  public static String markdown(String dataset, int trainRecords, int testRecords, GridSpec spec,
      List<GridResult> results, List<String> plots) {
    StringBuilder md = new StringBuilder();
    md.append("# Privacy-utility evaluation: ").append(dataset).append("\n\n");
    md.append(String.format(Locale.ROOT,
        "%d training and %d test records. The training text is rewritten with each mechanism and"
            + " epsilon per word; the test text stays original. Each corpus trains a non-private"
            + " model and DP-SGD models (delta %s, clipping norm %s). Accuracy is on the test"
            + " split; the membership-inference AUC is the loss-threshold attack (Yeom et al."
            + " 2018) on as many original (not rewritten) training records as test records"
            + " (0.5 = no measurable leakage).%s%n%n",
        trainRecords, testRecords, spec.delta(), spec.clippingNorm(),
        spec.seed().isPresent() ? " Seeded run (reproducible, not for production)." : ""));
    md.append("| rewrite mechanism | target N_w | rewrite epsilon | training | DP sigma |"
        + " test accuracy | MIA AUC | seconds |\n|---|---|---|---|---|---|---|---|\n");
    for (GridResult r : results) {
      md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %.4f | %.4f | %.1f |%n",
          r.mechanism(), Double.isNaN(r.targetNw()) ? "-" : fmt(r.targetNw()),
          Double.isNaN(r.rewriteEpsilon()) ? "-"
              : Double.isNaN(r.targetNw()) ? fmt(r.rewriteEpsilon())
              : String.format(Locale.ROOT, "%.4g", r.rewriteEpsilon()),
          r.training(), r.noiseMultiplier() == 0 ? "-" : String.format(Locale.ROOT, "%.3f",
              r.noiseMultiplier()), r.testAccuracy(), r.membershipAuc(), r.seconds()));
    }
    md.append('\n');
    for (String plot : plots) {
      md.append("![").append(plot).append("](").append(plot).append(")\n\n");
    }
    return md.toString();
  }

  static String fmt(double v) {
    return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
  }
}
