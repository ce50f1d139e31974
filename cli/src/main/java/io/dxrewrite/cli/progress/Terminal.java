package io.dxrewrite.cli.progress;

import java.nio.file.Files;
import java.nio.file.Path;

/** Whether standard error is a terminal, read from {@code /proc/self/fd/2} on Linux. */
public final class Terminal {
  private Terminal() {}

  /**
   * @return true when file descriptor 2 points at a tty or pseudo-terminal
   */
  public static boolean stderrIsTerminal() {
    try {
      String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
      return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
    } catch (Exception e) {
      return System.console() != null;
    }
  }
}
