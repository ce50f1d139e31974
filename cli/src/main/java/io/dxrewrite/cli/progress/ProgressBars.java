package io.dxrewrite.cli.progress;

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
        .showSpeed()
        .setStyle(ProgressBarStyle.ASCII)
        .setUpdateIntervalMillis(terminal ? 500 : 10_000)
        .setConsumer(
            terminal
                ? new ConsoleProgressBarConsumer(System.err)
                : new DelegatingProgressBarConsumer(System.err::println))
        .build();
  }
}
