package io.dxrewrite.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code info --index}: the kind is checked and what it runs is printed (it was ignored). */
class InfoIndexCliTest {
  @Test
  void anUnknownIndexIsAUsageError() {
    CliRun run = CliRun.of("info", "--index", "bogus");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("unknown index").contains("simd-pruned");
    assertThat(run.out()).doesNotContain("vocabulary:");
  }

  @Test
  void theChosenKindIsPrinted() {
    CliRun pruned = CliRun.of("info", "--index", "simd-pruned");
    assertThat(pruned.exitCode()).as(pruned.err()).isZero();
    assertThat(pruned.out()).contains("index:      simd-pruned").contains("(--index simd-pruned)");

    CliRun nd4j = CliRun.of("info", "--index", "nd4j");
    assertThat(nd4j.exitCode()).as(nd4j.err()).isZero();
    assertThat(nd4j.out()).contains("index:      nd4j").doesNotContain("index:      simd");

    // the tests run with the Vector API, so auto resolves to simd
    CliRun auto = CliRun.of("info");
    assertThat(auto.exitCode()).as(auto.err()).isZero();
    assertThat(auto.out()).contains("index:      simd").contains("(--index auto)");
  }
}
