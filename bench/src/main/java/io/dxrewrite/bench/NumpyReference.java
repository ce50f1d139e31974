package io.dxrewrite.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dxrewrite.error.InvalidInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code bench/reference/cmp_numpy.py} (numpy only, batched brute force) as a subprocess on
 * the same store, corpus and epsilon.
 */
public final class NumpyReference {
  private final Path script;

  /**
   * @param script path of cmp_numpy.py
   */
  public NumpyReference(Path script) {
    this.script = script;
  }

  /**
   * @throws InvalidInputException when python3 or numpy is missing, or the script is not found
   */
  public void checkAvailable() {
    if (!Files.isRegularFile(script)) {
      throw new InvalidInputException("numpy reference " + script + " not found (run from the repository root or pass --reference)");
    }
    try {
      Process p = new ProcessBuilder("python3", "-c", "import numpy").redirectErrorStream(true).start();
      if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new InvalidInputException(
            "the numpy reference needs python3 with numpy (e.g. apt-get install -y python3-numpy)");
      }
    } catch (IOException e) {
      throw new InvalidInputException("the numpy reference needs python3 on the PATH");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InvalidInputException("interrupted while checking for numpy");
    }
  }

  /**
   * @param store the store file
   * @param corpus the corpus file
   * @param epsilon epsilon per word
   * @return the reference's own timing of its rewriting loop
   * @throws IOException if the subprocess cannot run
   * @throws InterruptedException if interrupted while waiting
   */
  public RunResult run(Path store, Path corpus, double epsilon) throws IOException, InterruptedException {
    ProcessBuilder builder =
        new ProcessBuilder(
                List.of("python3", script.toString(), "--store", store.toString(), "--input",
                    corpus.toString(), "--epsilon", Double.toString(epsilon)))
            .redirectError(ProcessBuilder.Redirect.INHERIT);
    // The launcher sets OPENBLAS_CORETYPE for ND4J's old OpenBLAS; a current numpy detects the CPU
    // itself and runs slower when forced, so the reference runs without both variables.
    builder.environment().remove("OPENBLAS_CORETYPE");
    builder.environment().remove("OPENBLAS_L2_SIZE");
    Process p = builder.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (p.waitFor() != 0) {
      throw new IOException("numpy reference exited with " + p.exitValue());
    }
    JsonNode json = new ObjectMapper().readTree(out.strip().lines().reduce((a, b) -> b).orElse("{}"));
    return new RunResult(
        json.path("implementation").asText("numpy"),
        json.path("words").asLong(),
        json.path("seconds").asDouble(),
        json.path("peak_rss_mb").asDouble());
  }
}
