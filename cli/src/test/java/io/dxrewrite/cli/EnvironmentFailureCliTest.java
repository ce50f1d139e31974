package io.dxrewrite.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A failure of the machine in the middle of a run (here: the device under standard input fails
 * after 2,000 records were read) is not the caller's fault: the run exits with the environment
 * code 4, never 2 ("bad usage or input"), says what failed without quoting any record, and the
 * output file is not left behind half written.
 */
class EnvironmentFailureCliTest {
  @TempDir Path dir;

  @Test
  void aReadThatFailsMidRunExitsWithTheEnvironmentCodeNotTheUsageCode() {
    StringBuilder lines = new StringBuilder();
    for (int i = 0; i < 2_000; i++) {
      lines.append("my secret pin is forty two\n");
    }
    Path out = dir.resolve("out.txt");
    InputStream oldIn = System.in;
    System.setIn(new FailingAfter(lines.toString().getBytes(StandardCharsets.UTF_8)));
    CliRun run;
    try {
      run = CliRun.of("rewrite", "--epsilon", "10", "--batch-size", "64", "--input", "-",
          "--output", out.toString());
    } finally {
      System.setIn(oldIn);
    }
    assertThat(run.exitCode()).as(run.err())
        .isEqualTo(DxRewriteCommand.EXIT_ENVIRONMENT)
        .isEqualTo(4)
        .isNotEqualTo(DxRewriteCommand.EXIT_USAGE);
    assertThat(run.err()).contains("Input/output error").doesNotContain("secret");
    assertThat(out).doesNotExist();
  }

  @Test
  void helpListsTheExitCodeOfEachKindOfFailure() {
    for (String[] args : new String[][] {{"--help"}, {"rewrite", "--help"}}) {
      CliRun run = CliRun.of(args);
      assertThat(run.exitCode()).isZero();
      assertThat(run.out()).contains("Exit codes:")
          .containsPattern("\\s2\\s+bad usage or bad input")
          .containsPattern("\\s4\\s+the machine failed the run")
          .containsPattern("\\s1\\s+internal error");
    }
  }

  /** Serves its bytes, then fails every read as a failing disk would. */
  private static final class FailingAfter extends InputStream {
    private final ByteArrayInputStream data;

    FailingAfter(byte[] bytes) {
      data = new ByteArrayInputStream(bytes);
    }

    @Override
    public int read() throws IOException {
      int b = data.read();
      if (b < 0) {
        throw new IOException("Input/output error");
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = data.read(b, off, len);
      if (n < 0) {
        throw new IOException("Input/output error");
      }
      return n;
    }
  }
}
