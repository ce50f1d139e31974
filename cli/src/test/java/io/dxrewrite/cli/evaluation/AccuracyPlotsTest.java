package io.dxrewrite.cli.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dxrewrite.nlu.eval.GridResult;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

class AccuracyPlotsTest {
  private static final double INF = Double.POSITIVE_INFINITY;
  private static final double NAN = Double.NaN;

  private static GridResult cell(String mechanism, double eps, double target, double dp, double acc) {
    return new GridResult(mechanism, eps, target, dp, acc, 0.5, NAN, 1.0);
  }

  private static final List<GridResult> GRID = List.of(
      cell("none", NAN, NAN, INF, 0.60),
      cell("none", NAN, NAN, 3, 0.50),
      cell("cmp", 10, NAN, INF, 0.55),
      cell("cmp", 8.0, 0.3, INF, 0.31),
      cell("cmp", 12.0, 0.7, INF, 0.47),
      cell("cmp", 8.0, 0.3, 3, 0.21),
      cell("tem", 2.5, 0.3, INF, 0.25),
      cell("tem", 4.0, 0.7, INF, 0.41));

  @Test
  void comparisonChartHasOneLinePerMechanismAtItsTargetsAndTheBaselineOfThatTraining() {
    XYChart chart = AccuracyPlots.comparisonChart(GRID, "non-private");

    assertThat(chart.getSeriesMap()).containsOnlyKeys("cmp", "tem", "original text");
    XYSeries cmp = chart.getSeriesMap().get("cmp");
    assertThat(cmp.getXData()).containsExactly(0.3, 0.7); // the epsilon-only cell is left out
    assertThat(cmp.getYData()).containsExactly(0.31, 0.47);
    XYSeries tem = chart.getSeriesMap().get("tem");
    assertThat(tem.getYData()).containsExactly(0.25, 0.41);
    XYSeries base = chart.getSeriesMap().get("original text");
    assertThat(base.getXData()).containsExactly(0.3, 0.7);
    assertThat(base.getYData()).containsExactly(0.60, 0.60); // not the DP baseline 0.50
  }

  @Test
  void comparisonChartOfTheDpTrainingUsesOnlyDpCells() {
    XYChart chart = AccuracyPlots.comparisonChart(GRID, "DP eps=3");

    assertThat(chart.getSeriesMap()).containsOnlyKeys("cmp", "original text");
    assertThat(chart.getSeriesMap().get("cmp").getYData()).containsExactly(0.21);
    assertThat(chart.getSeriesMap().get("original text").getYData()).containsExactly(0.50, 0.50);
  }

  @Test
  void comparisonChartWithoutTargetCellsIsRefused() {
    assertThatThrownBy(() -> AccuracyPlots.comparisonChart(GRID.subList(0, 3), "non-private"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("non-private");
  }

  @Test
  void writeAddsOneComparisonPngPerTrainingWithTargetCells(@TempDir Path dir) throws Exception {
    List<String> files = AccuracyPlots.write(GRID, dir);

    assertThat(files).contains("accuracy-vs-target-nw-all-non-private.png",
        "accuracy-vs-target-nw-all-dp-eps-3.png", "accuracy-vs-target-nw-cmp.png",
        "accuracy-vs-epsilon-cmp.png");
    BufferedImage png = ImageIO.read(dir.resolve("accuracy-vs-target-nw-all-non-private.png").toFile());
    assertThat(png.getWidth()).isEqualTo(800);
    assertThat(png.getHeight()).isEqualTo(500);
    assertThat(AccuracyPlots.write(GRID.subList(0, 3), dir))
        .noneMatch(f -> f.startsWith("accuracy-vs-target-nw-all-"));
  }
}
