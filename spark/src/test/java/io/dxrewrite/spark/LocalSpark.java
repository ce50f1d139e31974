package io.dxrewrite.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dxrewrite.embeddings.DefaultEmbeddings;
import io.dxrewrite.nn.Nd4jExactIndex;
import io.dxrewrite.rewrite.Rewriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.SparkSession;

/** Test support: a small local SparkSession and the examples corpus. */
final class LocalSpark {
  static final Path EXAMPLES = Path.of("..", "examples", "amazon-sentences.jsonl");

  private LocalSpark() {}

  /**
   * @param master e.g. {@code local[2]}; {@code local[2,2]} lets a failed task be retried once
   * @return a session with small partitions, so the 1,000-line examples file is split in several
   */
  static SparkSession start(String master) {
    return SparkSession.builder()
        .master(master)
        .appName("dx-rewrite-test")
        .config("spark.ui.enabled", "false")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.sql.files.maxPartitionBytes", "16k")
        .config("spark.sql.files.openCostInBytes", "0")
        .getOrCreate();
  }

  /**
   * The library with Spark's default output vocabulary (letters), independent of the Spark
   * module's executor holder.
   */
  static Rewriter libraryRewriter() {
    return new Rewriter(
        io.dxrewrite.mechanism.MechanismContext.of(
                DefaultEmbeddings.open(),
                new Nd4jExactIndex(DefaultEmbeddings.open()),
                io.dxrewrite.progress.ProgressListener.NONE)
            .restrictOutputs(io.dxrewrite.embeddings.OutputVocabulary.LETTERS, Nd4jExactIndex::new));
  }

  /** One line of the examples file. */
  record Example(long id, String text, long label) {}

  static List<Example> examples() {
    ObjectMapper json = new ObjectMapper();
    List<Example> out = new ArrayList<>();
    try {
      for (String line : Files.readAllLines(EXAMPLES, StandardCharsets.UTF_8)) {
        JsonNode node = json.readTree(line);
        out.add(new Example(node.get("id").asLong(), node.get("text").asText(), node.get("label").asLong()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }
}
