package io.dxrewrite.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class ErrorReporterTest {
  private static int report(Exception e, StringWriter out) {
    return ErrorReporter.report(e, new PrintWriter(out), List.of());
  }

  @Test
  void badInputIsExitTwoWithItsMessage() {
    StringWriter out = new StringWriter();
    assertThat(report(new InvalidInputException("line 3: field 'text' is missing"), out))
        .isEqualTo(ErrorReporter.EXIT_USAGE);
    assertThat(out.toString()).isEqualTo("dx-rewrite: error: line 3: field 'text' is missing\n");
  }

  @Test
  void aFailedWriteIsNotBadInput() {
    StringWriter out = new StringWriter();
    Exception e =
        new IoFailureException("cannot read or write: Broken pipe", new IOException("Broken pipe"));
    assertThat(report(e, out)).isEqualTo(4).isEqualTo(ErrorReporter.EXIT_ENVIRONMENT);
    assertThat(out.toString()).contains("cannot read or write: Broken pipe");
  }

  @Test
  void aForeignIoFailureIsTheEnvironmentsFaultAndIsNamedByTypeOnly() {
    StringWriter out = new StringWriter();
    Exception e = new java.io.UncheckedIOException(new IOException("cannot map 'my PIN is 4711'"));
    assertThat(report(e, out)).isEqualTo(ErrorReporter.EXIT_ENVIRONMENT);
    assertThat(out.toString()).contains("java.io.UncheckedIOException").doesNotContain("4711");
  }

  @Test
  void eachOfOurExceptionsExitsWithTheCodeOfItsKind() {
    for (ErrorKind kind : ErrorKind.values()) {
      StringWriter out = new StringWriter();
      assertThat(report(new DxRewriteException(kind, "what failed"), out))
          .as(kind.name()).isEqualTo(kind.exitCode());
      assertThat(out.toString()).isEqualTo("dx-rewrite: error: what failed\n");
    }
  }

  @Test
  void foreignExceptionsAreNamedByTypeOnlySinceTheirMessagesMayQuoteInput() {
    StringWriter out = new StringWriter();
    Exception e = new IllegalStateException("unexpected token in 'my PIN is 4711'");
    assertThat(report(e, out)).isEqualTo(ErrorReporter.EXIT_INTERNAL);
    assertThat(out.toString()).contains("java.lang.IllegalStateException").doesNotContain("4711");
  }
}
