package io.dxrewrite.spark;

import io.dxrewrite.embeddings.EmbeddingStoreWriter;
import io.dxrewrite.embeddings.fasttext.FastTextHeader;
import io.dxrewrite.embeddings.fasttext.FastTextModel;
import io.dxrewrite.error.IoFailureException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.SparkContext;

/**
 * Driver side of the store: turns the {@code --embeddings} argument (or the SQL function's {@value
 * DxRewriteExtensions#EMBEDDINGS_CONF} setting) into a verified {@link StoreLocation}, the same
 * way the CLI's {@code --embeddings} does.
 *
 * <ul>
 *   <li>{@code null}: the embedded default store.
 *   <li>A fastText model ({@code .bin} or {@code .ftz}, recognised by its magic number, {@link
 *       FastTextHeader#looksLikeFastText}): validated and loaded on the driver, its vocabulary
 *       ({@link FastTextModel#vocabularyTable(int)}, {@code float[V*d]} row-major, the vectors of
 *       {@code fasttext print-word-vectors}) written to a temporary store (deleted when the driver
 *       exits) and shipped to every executor with {@link SparkContext#addFile(String)}, so that
 *       executors need neither the model nor fastText's native library. Out-of-vocabulary words
 *       follow the job's OOV policy ({@code unk} or {@code keep}); subword vectors are a CLI
 *       feature. Converted once per driver JVM and model file (path, size, modification time).
 *   <li>Anything else: a store file, opened and checksummed here ({@link StoreLocation#file}).
 * </ul>
 *
 * <p>Every branch opens the store on the driver, so a missing, truncated or corrupted file fails
 * before any task runs, with the file's name in the message.
 */
final class DriverStores {
  private static final Map<ModelFile, String> CONVERTED = new ConcurrentHashMap<>();

  private record ModelFile(Path path, long size, long modifiedMillis) {}

  private DriverStores() {}

  /**
   * @param path a store or fastText model path, or {@code null} for the embedded default
   * @param spark the driver's context, used to ship a converted fastText vocabulary
   * @return the verified location executors open
   * @throws io.dxrewrite.error.StoreFormatException if the file is missing or damaged (the message
   *     names it)
   * @throws IoFailureException if a converted store cannot be written to the temporary folder
   */
  static StoreLocation locate(String path, SparkContext spark) {
    if (path == null) {
      return StoreLocation.embeddedDefault();
    }
    Path file = Path.of(path);
    if (!FastTextHeader.looksLikeFastText(file)) {
      return StoreLocation.file(path);
    }
    ModelFile key = modelFile(file);
    String store = CONVERTED.computeIfAbsent(key, DriverStores::convert);
    spark.addFile(store);
    return StoreLocation.file(store);
  }

  private static ModelFile modelFile(Path file) {
    try {
      BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
      return new ModelFile(
          file.toAbsolutePath().normalize(), attributes.size(), attributes.lastModifiedTime().toMillis());
    } catch (IOException e) {
      throw new IoFailureException("cannot read the attributes of " + file.toAbsolutePath(), e);
    }
  }

  private static String convert(ModelFile model) {
    try (FastTextModel fastText = FastTextModel.open(model.path())) {
      String name = model.path().getFileName().toString().replaceAll("[^A-Za-z0-9._-]", "_");
      Path tmp = Files.createTempFile("dx-rewrite-" + name + "-", ".dxemb");
      tmp.toFile().deleteOnExit();
      EmbeddingStoreWriter.write(fastText.vocabularyTable(Integer.MAX_VALUE), tmp);
      return tmp.toString();
    } catch (IOException e) {
      throw new IoFailureException("cannot write a temporary store for " + model.path(), e);
    }
  }
}
