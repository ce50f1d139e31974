package io.dxrewrite.cli.evaluation;

import io.dxrewrite.nlu.eval.GridResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;

/** PNG plots of test accuracy against epsilon (XChart). */
public final class AccuracyPlots {
  private AccuracyPlots() {}

  /**
   * One plot per rewrite mechanism: test accuracy against the rewrite epsilon, one line per
   * training setting, with the original-text result of each training setting as a flat line;
   * then, per training setting with target-N_w cells, one figure across mechanisms
   * ({@link #comparisonChart}, {@code accuracy-vs-target-nw-all-TRAINING.png}).
   *
   * @param results the grid's results
   * @param dir output folder
   * @return the file names written
   * @throws IOException if a PNG cannot be written
   */
  public static List<String> write(List<GridResult> results, Path dir) throws IOException {
    List<String> files = new ArrayList<>();
    Map<String, List<GridResult>> byMechanism = new LinkedHashMap<>();
    Map<String, Double> baseline = new LinkedHashMap<>();
    for (GridResult r : results) {
      if ("none".equals(r.mechanism())) {
        baseline.put(r.training(), r.testAccuracy());
      } else {
        // cells calibrated from a target N_w are plotted against the target, the others against
        // epsilon: the two axes differ in meaning and (across mechanisms) in scale
        String axis = Double.isNaN(r.targetNw()) ? "epsilon" : "target-nw";
        byMechanism.computeIfAbsent(axis + "|" + r.mechanism(), k -> new ArrayList<>()).add(r);
      }
    }
    for (Map.Entry<String, List<GridResult>> e : byMechanism.entrySet()) {
      boolean byTarget = e.getKey().startsWith("target-nw|");
      String mechanism = e.getKey().substring(e.getKey().indexOf('|') + 1);
      XYChart chart = new XYChartBuilder().width(800).height(500)
          .title((byTarget ? "Test accuracy vs target text N_w (" : "Test accuracy vs rewrite epsilon (")
              + mechanism + ")")
          .xAxisTitle(byTarget ? "target text N_w of the rewrite (share of words unchanged)" : "rewrite epsilon per word")
          .yAxisTitle("test accuracy").build();
      Map<String, List<GridResult>> byTraining = new LinkedHashMap<>();
      e.getValue().forEach(r -> byTraining.computeIfAbsent(r.training(), k -> new ArrayList<>())
          .add(r));
      double minX = Double.POSITIVE_INFINITY;
      double maxX = Double.NEGATIVE_INFINITY;
      for (Map.Entry<String, List<GridResult>> t : byTraining.entrySet()) {
        double[] x = t.getValue().stream()
            .mapToDouble(byTarget ? GridResult::targetNw : GridResult::rewriteEpsilon).toArray();
        double[] y = t.getValue().stream().mapToDouble(GridResult::testAccuracy).toArray();
        chart.addSeries(t.getKey(), x, y);
        for (double v : x) {
          minX = Math.min(minX, v);
          maxX = Math.max(maxX, v);
        }
      }
      for (Map.Entry<String, Double> b : baseline.entrySet()) {
        XYSeries s = chart.addSeries("original text, " + b.getKey(),
            new double[] {minX, maxX}, new double[] {b.getValue(), b.getValue()});
        s.setMarker(org.knowm.xchart.style.markers.SeriesMarkers.NONE);
      }
      String name = (byTarget ? "accuracy-vs-target-nw-" : "accuracy-vs-epsilon-") + mechanism + ".png";
      BitmapEncoder.saveBitmap(chart, dir.resolve(name).toString(), BitmapEncoder.BitmapFormat.PNG);
      files.add(name);
    }
    for (String training : targetTrainings(results)) {
      String name = "accuracy-vs-target-nw-all-"
          + training.replaceAll("[^A-Za-z0-9]+", "-").toLowerCase(Locale.ROOT) + ".png";
      BitmapEncoder.saveBitmap(comparisonChart(results, training), dir.resolve(name).toString(),
          BitmapEncoder.BitmapFormat.PNG);
      files.add(name);
    }
    return files;
  }

  /** The training settings (e.g. "non-private") with at least one cell calibrated from a target N_w. */
  private static List<String> targetTrainings(List<GridResult> results) {
    List<String> trainings = new ArrayList<>();
    for (GridResult r : results) {
      if (!Double.isNaN(r.targetNw()) && !trainings.contains(r.training())) {
        trainings.add(r.training());
      }
    }
    return trainings;
  }

  /**
   * One figure across mechanisms for one training setting: test accuracy against the target text
   * N_w, one line per mechanism (its cells calibrated from a target N_w, in grid order), plus the
   * original-text accuracy of that training setting as a flat line. At equal N_w the mechanisms
   * change the same share of words, so the lines compare what each does with the words it changes.
   *
   * @param results the grid's results
   * @param training a training setting as {@link GridResult#training()} names it
   * @return the chart (series named by mechanism, and "original text" for the baseline)
   * @throws IllegalArgumentException if no cell of that training setting has a target N_w
   */
  static XYChart comparisonChart(List<GridResult> results, String training) {
    Map<String, List<GridResult>> byMechanism = new LinkedHashMap<>();
    Double baseline = null;
    for (GridResult r : results) {
      if (!r.training().equals(training)) {
        continue;
      }
      if ("none".equals(r.mechanism())) {
        baseline = r.testAccuracy();
      } else if (!Double.isNaN(r.targetNw())) {
        byMechanism.computeIfAbsent(r.mechanism(), k -> new ArrayList<>()).add(r);
      }
    }
    if (byMechanism.isEmpty()) {
      throw new IllegalArgumentException("no cell calibrated from a target N_w for " + training);
    }
    XYChart chart = new XYChartBuilder().width(800).height(500)
        .title("Test accuracy vs target text N_w, all mechanisms (" + training + ")")
        .xAxisTitle("target text N_w of the rewrite (share of words unchanged)")
        .yAxisTitle("test accuracy").build();
    double minX = Double.POSITIVE_INFINITY;
    double maxX = Double.NEGATIVE_INFINITY;
    for (Map.Entry<String, List<GridResult>> m : byMechanism.entrySet()) {
      double[] x = m.getValue().stream().mapToDouble(GridResult::targetNw).toArray();
      double[] y = m.getValue().stream().mapToDouble(GridResult::testAccuracy).toArray();
      chart.addSeries(m.getKey(), x, y);
      for (double v : x) {
        minX = Math.min(minX, v);
        maxX = Math.max(maxX, v);
      }
    }
    if (baseline != null) {
      XYSeries s = chart.addSeries("original text",
          new double[] {minX, maxX}, new double[] {baseline, baseline});
      s.setMarker(org.knowm.xchart.style.markers.SeriesMarkers.NONE);
    }
    return chart;
  }
}
