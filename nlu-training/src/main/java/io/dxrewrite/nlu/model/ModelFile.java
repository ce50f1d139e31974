package io.dxrewrite.nlu.model;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dxrewrite.error.DxRewriteException;
import io.dxrewrite.error.ErrorKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * Writes a trained {@link TopicClassifier} as one JSON document: format version, class names,
 * the embedding it was trained on, shapes, and the four parameter arrays flattened row-major. It is
 * written to a temporary name and renamed into place, so a failed write leaves nothing behind.
 */
public final class ModelFile {
  /** Format version written into every file. */
  public static final int VERSION = 1;

  private ModelFile() {}

  /**
   * @param target the output file
   * @param model the trained model
   * @param labels class names in index order (K of them)
   * @param embedding name or path of the embedding store used for the features
   * @param privacy a description of the training's privacy (e.g. "DP-SGD epsilon=8 delta=1e-05")
   * @throws DxRewriteException if the file cannot be written
   */
  public static void write(
      Path target, TopicClassifier model, List<String> labels, String embedding, String privacy) {
    ObjectMapper json = new ObjectMapper();
    ObjectNode root = json.createObjectNode();
    root.put("format", "dx-rewrite-topic-classifier");
    root.put("version", VERSION);
    root.put("embedding", embedding);
    root.put("privacy", privacy);
    root.putPOJO("labels", labels);
    root.put("input_dimension", model.inputDimension());
    root.put("hidden_units", model.hiddenUnits());
    root.put("classes", model.classes());
    Gradients p = model.parameters();
    root.putPOJO("w1", flat(p.w1()));
    root.putPOJO("b1", flat(p.b1()));
    root.putPOJO("w2", flat(p.w2()));
    root.putPOJO("b2", flat(p.b2()));
    Path tmp = target.resolveSibling(target.getFileName() + ".partial");
    try {
      json.writeValue(tmp.toFile(), root);
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      try {
        Files.deleteIfExists(tmp);
      } catch (IOException ignored) {
        // the original failure is the one to report
      }
      throw new DxRewriteException(
          ErrorKind.ENVIRONMENT, "cannot write the model to " + target, e);
    }
  }

  private static double[] flat(org.nd4j.linalg.api.ndarray.INDArray x) {
    return x.dup('c').data().asDouble();
  }
}
