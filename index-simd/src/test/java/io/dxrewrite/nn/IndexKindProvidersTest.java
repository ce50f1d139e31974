package io.dxrewrite.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dxrewrite.embeddings.EmbeddingStore;
import io.dxrewrite.embeddings.StoreFixtures;
import io.dxrewrite.error.InvalidParameterException;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every CPU kind is built through its {@link IndexProvider}: on this module's test class path the
 * SIMD provider (this module) and the ND4J one (index-nd4j, test scope) are registered, the GPU one
 * is not. The fallback of {@link IndexKind#AUTO} to ND4J in a JVM without the Vector API runs in a
 * child JVM ({@link AutoKindProbe}), since this JVM was started with it.
 */
class IndexKindProvidersTest {
  @TempDir Path dir;

  @Test
  void theSimdPrunedAndNd4jProvidersAreRegistered() {
    List<String> kinds = new ArrayList<>();
    for (IndexProvider p : ServiceLoader.load(IndexProvider.class)) {
      kinds.add(p.kind());
    }
    assertThat(kinds).containsExactlyInAnyOrder("simd", "simd-pruned", "nd4j");
  }

  @Test
  void eachKindBuildsItsKernel() {
    assertThat(ModuleLayer.boot().findModule("jdk.incubator.vector"))
        .as("surefire's argLine adds the Vector API")
        .isPresent();
    EmbeddingStore store = StoreFixtures.gaussianStore(dir, StoreFixtures.words(50), 8, 3);
    assertThat(IndexKind.simdAvailable()).isTrue();
    IndexKind.SIMD.checkAvailable();
    IndexKind.AUTO.checkAvailable();
    IndexKind.ND4J.checkAvailable();
    try (NearestNeighbourIndex auto = IndexKind.AUTO.create(store);
        NearestNeighbourIndex simd = IndexKind.SIMD.create(store);
        NearestNeighbourIndex nd4j = IndexKind.ND4J.create(store)) {
      assertThat(auto).isInstanceOf(SimdExactIndex.class);
      assertThat(simd).isInstanceOf(SimdExactIndex.class);
      assertThat(simd.name()).endsWith(Runtime.getRuntime().availableProcessors() + " threads)");
      assertThat(nd4j).isInstanceOf(Nd4jExactIndex.class);
    }
    try (NearestNeighbourIndex pruned = IndexKind.SIMD_PRUNED.create(store)) {
      assertThat(pruned).isInstanceOf(PrunedExactIndex.class);
    }
    assertThat(IndexKind.simdKernel()).isEqualTo(SimdConfiguration.detect().describe());
    assertThatThrownBy(() -> IndexKind.GPU.create(store))
        .isInstanceOf(InvalidParameterException.class)
        .hasMessage("--index gpu needs the gpu-index module (io.dxrewrite:gpu-index) on the class path");
  }

  @Test
  void withoutTheVectorApiAutoFallsBackToNd4jAndSimdSaysWhy() throws Exception {
    String stderr = runProbe(System.getProperty("java.class.path"));
    assertThat(Files.readAllLines(dir.resolve("stdout.txt")))
        .containsExactly(
            "simdAvailable=false",
            "auto=nd4j-gemm",
            "simd=--index simd needs the JVM flag --add-modules jdk.incubator.vector");
    assertThat(stderr)
        .containsOnlyOnce(
            "the Vector API is not enabled (java --add-modules jdk.incubator.vector); using the"
                + " slower ND4J index");
  }

  /** Without the Vector API and without index-nd4j, AUTO says what is missing. */
  @Test
  void withoutTheVectorApiAndWithoutNd4jAutoSaysWhatIsMissing() throws Exception {
    String classPath =
        Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
            .filter(entry -> !entry.contains("index-nd4j"))
            .collect(Collectors.joining(File.pathSeparator));
    String stderr = runProbe(classPath);
    assertThat(Files.readAllLines(dir.resolve("stdout.txt")))
        .as(stderr)
        .containsExactly(
            "simdAvailable=false",
            "auto=--index auto found no CPU index that can run here: --index simd needs the JVM"
                + " flag --add-modules jdk.incubator.vector, and the index-nd4j module"
                + " (io.dxrewrite:index-nd4j) is not on the class path",
            "simd=--index simd needs the JVM flag --add-modules jdk.incubator.vector");
  }

  /** Runs {@link AutoKindProbe} in a JVM without the Vector API; returns its standard error. */
  private String runProbe(String classPath) throws Exception {
    Path out = dir.resolve("stdout.txt");
    Path err = dir.resolve("stderr.txt");
    List<String> command =
        List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xmx512m",
            "-cp",
            classPath,
            AutoKindProbe.class.getName(),
            dir.toString());
    Process child =
        new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    assertThat(child.waitFor(120, TimeUnit.SECONDS)).isTrue();
    String stderr = Files.readString(err);
    assertThat(child.exitValue()).as(stderr).isZero();
    return stderr;
  }
}
