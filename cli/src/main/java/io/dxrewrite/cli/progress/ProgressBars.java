package io.dxrewrite.cli.progress;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * The one way the CLI draws progress on stderr: a redrawn bar on a terminal, or one plain line
 * every 10 seconds when stderr is a file or pipe (logs stay readable).
 */
final class ProgressBars {
  private ProgressBars() {}

  static ProgressBar create(String task, long max, String unit) {
    boolean terminal = Terminal.stderrIsTerminal();
    return new ProgressBarBuilder()
        .setTaskName(task)
        .setInitialMax(max)
        .setUnit(unit, 1)
        // "0.1 records/s", not the library default's ".1 records/s"
        .showSpeed(new DecimalFormat("0.#", DecimalFormatSymbols.getInstance(Locale.ROOT)))
        .setStyle(ProgressBarStyle.ASCII)
        .setUpdateIntervalMillis(terminal ? 500 : 10_000)
        .setConsumer(
            terminal
                ? new ConsoleProgressBarConsumer(System.err)
                : new DelegatingProgressBarConsumer(System.err::println))
        .build();
  }
}
