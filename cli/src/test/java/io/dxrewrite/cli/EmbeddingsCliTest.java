package io.dxrewrite.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddingsCliTest {
  @TempDir Path dir;

  /**
   * {@code --index gpu} on a machine without a usable GPU (CI has none) must exit 2 at once with
   * the reason and write nothing; with one, it must rewrite like the CPU index.
   */
  @Test
  void gpuIndexEitherRunsOrExits2WithTheReason(@TempDir Path dir) throws IOException {
    Path out = dir.resolve("out.txt");
    CliRun run = CliRun.of("rewrite", "--epsilon", "10", "--seed", "3", "--index", "gpu",
        "--input", "../examples/amazon-sentences.txt", "--output", out.toString());
    boolean gpu;
    try {
      io.dxrewrite.gpu.GpuDevice.probe(0);
      gpu = true;
    } catch (io.dxrewrite.gpu.GpuUnavailableException e) {
      gpu = false;
    }
    if (gpu) {
      CliRun cpu = CliRun.of("rewrite", "--epsilon", "10", "--seed", "3", "--index", "simd",
          "--input", "../examples/amazon-sentences.txt");
      assertThat(run.exitCode()).as(run.err()).isZero();
      assertThat(cpu.exitCode()).isZero();
      assertThat(Files.readString(out)).isEqualTo(cpu.out()); // same seed, same exact ids
      return;
    }
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .containsAnyOf("no NVIDIA driver is installed", "no CUDA device found",
            "is not packaged for", "compute capability")
        .doesNotContain("Exception");
    assertThat(out).doesNotExist();
  }

  @Test
  void importInfoAndRewriteWithAnImportedStore() throws IOException {
    Path glove = dir.resolve("tiny.txt");
    Files.writeString(
        glove,
        "good 1.0 0.0 0.0\ngreat 1.1 0.1 0.0\nbad -1.0 0.0 0.0\nawful -1.1 -0.1 0.0\n"
            + "phone 0.0 1.0 1.0\n");
    Path store = dir.resolve("tiny.dxemb");
    CliRun imported =
        CliRun.of("import-embeddings", "--format", "glove", glove.toString(), "--output", store.toString());
    assertThat(imported.exitCode()).as(imported.err()).isZero();
    CliRun info = CliRun.of("info", "--embeddings", store.toString());
    assertThat(info.exitCode()).isZero();
    assertThat(info.out()).contains("vocabulary: 5 words").contains("dimension:  3");

    Path in = dir.resolve("in.txt");
    Files.writeString(in, "Good phone\n");
    Path out = dir.resolve("out.txt");
    CliRun run =
        CliRun.of("rewrite", "--embeddings", store.toString(), "--epsilon", "1e6", "--input",
            in.toString(), "--output", out.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(Files.readString(out)).isEqualTo("Good phone\n");
  }

  @Test
  void corruptStoreIsABadInputError() throws IOException {
    Path store = dir.resolve("bad.dxemb");
    Files.writeString(store, "definitely not a store, just some text that is long enough ".repeat(5));
    CliRun run = CliRun.of("info", "--embeddings", store.toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains(store.toString()).contains("bad magic");
  }

  @Test
  void unknownImportFormatIsAUsageError() throws IOException {
    Path f = dir.resolve("x.txt");
    Files.writeString(f, "a 1\n");
    CliRun run = CliRun.of("import-embeddings", "--format", "bert", f.toString(), "--output", dir.resolve("s").toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("wink-json");
  }
}
