package io.dxrewrite.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FmaPeakTest {
  /**
   * The measurement is a positive, finite throughput: not a speed claim (the machine may be
   * shared), only that the loop runs and is counted.
   */
  @Test
  void measuresAPositiveFiniteThroughput() {
    double one = FmaPeak.measureGflops(1, 2_000_000L, 2);
    assertThat(one).isPositive().isFinite();
    assertThat(FmaPeak.vectorBits()).isIn(64, 128, 256, 512, 1024, 2048);
  }

  @Test
  void refusesNonPositiveArguments() {
    assertThatThrownBy(() -> FmaPeak.measureGflops(0, 1, 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> FmaPeak.measureGflops(1, 0, 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> FmaPeak.measureGflops(1, 1, 0)).isInstanceOf(IllegalArgumentException.class);
  }
}
