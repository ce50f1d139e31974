package io.dxrewrite.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;

/** The one mapping from whose fault a failure is to its exit code and HTTP status. */
class ErrorKindTest {
  @Test
  void eachKindHasItsDocumentedExitCodeAndHttpStatus() {
    // the documented table (ErrorKind's Javadoc, the CLI's --help, the README), written out here
    assertThat(ErrorKind.USAGE.exitCode()).isEqualTo(2);
    assertThat(ErrorKind.USAGE.httpStatus()).isEqualTo(422);
    assertThat(ErrorKind.INPUT.exitCode()).isEqualTo(2);
    assertThat(ErrorKind.INPUT.httpStatus()).isEqualTo(422);
    assertThat(ErrorKind.ENVIRONMENT.exitCode()).isEqualTo(4);
    assertThat(ErrorKind.ENVIRONMENT.httpStatus()).isEqualTo(503);
    assertThat(ErrorKind.INTERNAL.exitCode()).isEqualTo(1);
    assertThat(ErrorKind.INTERNAL.httpStatus()).isEqualTo(500);
    assertThat(ErrorKind.values()).hasSize(4);
  }

  @Test
  void noFailureKindSharesTheSuccessOrTheAuditViolationCode() {
    for (ErrorKind kind : ErrorKind.values()) {
      assertThat(kind.exitCode()).as(kind.name()).isNotIn(0, 3);
    }
  }

  @Test
  void ourExceptionsCarryTheKindOfWhoseFaultTheyAre() {
    assertThat(new InvalidParameterException("epsilon must be > 0").kind()).isEqualTo(ErrorKind.USAGE);
    assertThat(new InvalidInputException("line 3: malformed JSON").kind()).isEqualTo(ErrorKind.INPUT);
    assertThat(new StoreFormatException(java.nio.file.Path.of("s.dxemb"), "bad magic").kind())
        .isEqualTo(ErrorKind.INPUT);
    assertThat(new IoFailureException("cannot read or write: No space left on device",
        new IOException("No space left on device")).kind()).isEqualTo(ErrorKind.ENVIRONMENT);
  }

  @Test
  void classifiesTheOutermostOfOurExceptionsThenIoFailuresThenEverythingElseAsInternal() {
    Exception input = new InvalidInputException("line 2: bad", new IOException("x"));
    assertThat(ErrorKind.of(new RuntimeException(input))).isEqualTo(ErrorKind.INPUT);
    assertThat(ErrorKind.of(new UncheckedIOException(new IOException("Input/output error"))))
        .isEqualTo(ErrorKind.ENVIRONMENT);
    assertThat(ErrorKind.of(new RuntimeException(new IOException("Stale file handle"))))
        .isEqualTo(ErrorKind.ENVIRONMENT);
    assertThat(ErrorKind.of(new IllegalStateException("bug"))).isEqualTo(ErrorKind.INTERNAL);
    assertThat(ErrorKind.of(null)).isEqualTo(ErrorKind.INTERNAL);
  }
}
