package io.dxrewrite.gpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The GPU's largest dimension is stated twice, in Java ({@link
 * GpuNearestNeighbourIndex#MAX_DIMENSION}) and in the CUDA source ({@code kMaxDimension}); the two
 * must agree, and a larger d is refused before any device is touched (so on any machine).
 */
class GpuDimensionLimitTest {
  @Test
  void javaAndCudaAgreeOn304() throws IOException {
    String cuda = Files.readString(Path.of("src/main/cuda/dxgpu.cu"));
    Matcher steps = Pattern.compile("constexpr int kMaxKSteps = (\\d+);").matcher(cuda);
    assertThat(steps.find()).as("kMaxKSteps in dxgpu.cu").isTrue();
    assertThat(cuda).contains("constexpr int kMaxDimension = 16 * kMaxKSteps;");
    assertThat(16 * Integer.parseInt(steps.group(1))).isEqualTo(304);
    assertThat(GpuNearestNeighbourIndex.MAX_DIMENSION).isEqualTo(304);
  }

  @Test
  void aDimensionAbove304IsRefusedBeforeTheDevice() {
    int d = 305;
    FloatBuffer matrix = FloatBuffer.allocate(d);
    assertThatThrownBy(
            () -> new GpuNearestNeighbourIndex(matrix, new float[1], 1, d, 0, () -> null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("need V >= 1 and d in [1, 304], got V=1, d=305");
  }
}
