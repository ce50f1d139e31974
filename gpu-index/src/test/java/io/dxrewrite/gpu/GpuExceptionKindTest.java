package io.dxrewrite.gpu;

import static org.assertj.core.api.Assertions.assertThat;

import io.dxrewrite.error.ErrorKind;
import org.junit.jupiter.api.Test;

/**
 * A CUDA failure in the middle of a run is the machine's fault (exit 4, HTTP 503), not bad usage;
 * asking for the GPU index on a machine that cannot run it is the caller's choice (exit 2). The
 * native code throws both through their one-argument constructors.
 */
class GpuExceptionKindTest {
  @Test
  void aCudaFailureIsAnEnvironmentFailure() {
    GpuException e = new GpuException("cudaMemcpyAsync(status) failed: unspecified launch failure");
    assertThat(e.kind()).isEqualTo(ErrorKind.ENVIRONMENT);
    assertThat(ErrorKind.of(new RuntimeException(e)).exitCode()).isEqualTo(4).isNotEqualTo(2);
  }

  @Test
  void aMachineWithoutAUsableGpuIsAUsageError() {
    GpuException e = new GpuUnavailableException("no NVIDIA driver is installed; use --index simd");
    assertThat(e.kind()).isEqualTo(ErrorKind.USAGE);
    assertThat(e.kind().exitCode()).isEqualTo(2);
  }
}
