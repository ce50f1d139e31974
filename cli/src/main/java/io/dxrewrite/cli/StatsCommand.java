package io.dxrewrite.cli;

import io.dxrewrite.calibration.DeniabilityEstimate;
import io.dxrewrite.calibration.PlausibleDeniability;
import io.dxrewrite.cli.progress.TaskProgress;
import io.dxrewrite.error.DxPreconditions;
import io.dxrewrite.error.InvalidInputException;
import io.dxrewrite.mechanism.MechanismContext;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code dx-rewrite stats}: plausible-deniability statistics N_w and S_w per epsilon. */
@Command(
    name = "stats",
    mixinStandardHelpOptions = true,
    description = {
      "Estimates, by Monte Carlo over sampled vocabulary words, N_w (probability that a word "
          + "comes back unchanged) and S_w (distinct outputs) for each epsilon (Feyisetan et al. "
          + "2020)."
    })
final class StatsCommand implements Callable<Integer> {
  @Mixin EmbeddingsOption embeddings;
  @Mixin OutputVocabularyOption outputs;
  @Mixin MechanismOptions mechanism;
  @Mixin SamplingOptions sampling;

  @Option(
      names = "--epsilons",
      required = true,
      split = ",",
      paramLabel = "E1,E2,...",
      description = "Epsilons per word to evaluate, e.g. 5,10,20,40.")
  List<Double> epsilons;

  @Option(names = "--plot", paramLabel = "FILE.png", description = "Also write a PNG chart of median N_w and S_w.")
  Path plot;

  @Override
  public Integer call() throws IOException {
    for (double e : epsilons) {
      DxPreconditions.checkEpsilon(e);
    }
    if (plot != null) {
      Path parent = plot.toAbsolutePath().getParent();
      if (!plot.toString().toLowerCase(java.util.Locale.ROOT).endsWith(".png")
          || !java.nio.file.Files.isDirectory(parent)) {
        throw new InvalidInputException("--plot must name a .png file in an existing folder");
      }
    }
    mechanism.validate();
    MechanismContext context = mechanism.configure(embeddings.context(outputs));
    int[] words =
        PlausibleDeniability.sampleWords(context.store().size(), sampling.words, sampling.seed);
    List<DeniabilityEstimate> results = new ArrayList<>();
    System.out.printf(
        "mechanism %s, %s, %d words x %d trials%n",
        mechanism.mechanism, embeddings.describe(), sampling.words, sampling.trials);
    System.out.printf(
        "%12s  %-24s  %-24s%n", "epsilon", "N_w median [q1, q3]", "S_w median [q1, q3]");
    for (double epsilon : epsilons) {
      DeniabilityEstimate e;
      try (TaskProgress progress = new TaskProgress("epsilon " + epsilon, " words")) {
        e =
            PlausibleDeniability.estimate(
                context,
                mechanism.mechanism,
                mechanism.parameters(),
                epsilon,
                words,
                sampling.trials,
                sampling.seed,
                progress);
      }
      results.add(e);
      System.out.printf(
          "%12.4g  %-24s  %-24s%n",
          epsilon,
          String.format("%.3f [%.3f, %.3f]", e.unchangedQuantile(0.5), e.unchangedQuantile(0.25), e.unchangedQuantile(0.75)),
          String.format("%.1f [%.1f, %.1f]", e.distinctQuantile(0.5), e.distinctQuantile(0.25), e.distinctQuantile(0.75)));
    }
    if (plot != null) {
      writePlot(results);
      System.out.println("wrote " + plot);
    }
    return DxRewriteCommand.EXIT_OK;
  }

  private void writePlot(List<DeniabilityEstimate> results) throws IOException {
    double[] x = results.stream().mapToDouble(DeniabilityEstimate::epsilon).toArray();
    double[] nw = results.stream().mapToDouble(e -> e.unchangedQuantile(0.5)).toArray();
    double[] sw = results.stream().mapToDouble(e -> e.distinctQuantile(0.5) / sampling.trials).toArray();
    XYChart chart =
        new XYChartBuilder()
            .width(800)
            .height(500)
            .title("Plausible deniability: " + mechanism.mechanism)
            .xAxisTitle("epsilon per word")
            .yAxisTitle("median over words")
            .build();
    chart.addSeries("N_w (P[unchanged])", x, nw).setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
    chart.addSeries("S_w / trials (distinct outputs)", x, sw).setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
    chart.getStyler().setYAxisMin(0.0).setYAxisMax(1.0);
    String name = plot.toString();
    if (!name.toLowerCase(java.util.Locale.ROOT).endsWith(".png")) {
      throw new InvalidInputException("--plot must name a .png file");
    }
    BitmapEncoder.saveBitmap(chart, name.substring(0, name.length() - 4), BitmapEncoder.BitmapFormat.PNG);
  }
}
