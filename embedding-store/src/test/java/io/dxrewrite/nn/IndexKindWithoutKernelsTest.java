package io.dxrewrite.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dxrewrite.embeddings.EmbeddingStore;
import io.dxrewrite.embeddings.OutputVocabulary;
import io.dxrewrite.embeddings.StoreFixtures;
import io.dxrewrite.error.InvalidParameterException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * This module carries the index interface and no kernel: neither the SIMD and ND4J kernels nor
 * ND4J's native libraries are on its class path, and {@link IndexKind} names the module each kind
 * needs instead of building one.
 */
class IndexKindWithoutKernelsTest {
  @TempDir Path dir;

  @Test
  void noKernelAndNoNd4jOnThisModulesClassPath() {
    for (String name :
        List.of(
            "io.dxrewrite.nn.SimdExactIndex",
            "io.dxrewrite.nn.Nd4jExactIndex",
            "org.nd4j.linalg.factory.Nd4j",
            "org.bytedeco.openblas.global.openblas")) {
      assertThatThrownBy(() -> Class.forName(name, false, getClass().getClassLoader()))
          .as(name)
          .isInstanceOf(ClassNotFoundException.class);
    }
  }

  @ParameterizedTest
  @CsvSource({"SIMD, simd, index-simd", "ND4J, nd4j, index-nd4j", "GPU, gpu, gpu-index"})
  void eachKindNamesTheModuleItNeeds(IndexKind kind, String cliName, String module) {
    EmbeddingStore store = StoreFixtures.gaussianStore(dir, StoreFixtures.words(20), 4, 1);
    String message =
        "--index " + cliName + " needs the " + module + " module (io.dxrewrite:" + module
            + ") on the class path";
    assertThat(kind.cliName()).isEqualTo(cliName);
    assertThatThrownBy(() -> kind.create(store))
        .isInstanceOf(InvalidParameterException.class)
        .hasMessage(message);
    assertThatThrownBy(() -> kind.create(store, OutputVocabulary.ALL)).hasMessage(message);
    assertThatThrownBy(kind::checkAvailable)
        .isInstanceOf(InvalidParameterException.class)
        .hasMessage(message);
  }

  @Test
  void autoNeedsOneOfTheCpuKernelModules() {
    EmbeddingStore store = StoreFixtures.gaussianStore(dir, StoreFixtures.words(20), 4, 2);
    String message =
        "--index auto needs a CPU index module on the class path: index-simd"
            + " (io.dxrewrite:index-simd) or index-nd4j (io.dxrewrite:index-nd4j)";
    assertThatThrownBy(() -> IndexKind.AUTO.create(store))
        .isInstanceOf(InvalidParameterException.class)
        .hasMessage(message);
    assertThatThrownBy(IndexKind.AUTO::checkAvailable).hasMessage(message);
    assertThat(IndexKind.simdAvailable()).isFalse();
  }
}
