package io.dxrewrite.gpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class NativeLibraryTest {
  @Test
  void platformFolderNamesOsAndArchitecture() {
    assertThat(NativeLibrary.platform()).matches("[a-z0-9]+-[a-z0-9_]+");
    assertThat(NativeLibrary.resourceName())
        .isEqualTo("/native/" + NativeLibrary.platform() + "/libdxgpu.so");
  }

  @Test
  void aMissingPackagedLibraryIsAClearErrorNamingThePlatformAndTheFix() {
    assertThatThrownBy(() -> NativeLibrary.extract("/native/no-such-platform/libdxgpu.so"))
        .isInstanceOf(GpuUnavailableException.class)
        .hasMessageContaining("not packaged for " + NativeLibrary.platform())
        .hasMessageContaining("nvcc")
        .hasMessageContaining("--index simd");
  }
}
