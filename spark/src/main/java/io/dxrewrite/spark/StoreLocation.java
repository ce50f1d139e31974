package io.dxrewrite.spark;

import io.dxrewrite.embeddings.DefaultEmbeddings;
import io.dxrewrite.embeddings.EmbeddingStore;
import io.dxrewrite.error.DxRewriteException;
import io.dxrewrite.error.ErrorKind;
import io.dxrewrite.error.StoreFormatException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.SparkFiles;

/**
 * Where every executor finds the embedding store, and which content it must have. Only this
 * small value travels with a Spark closure; the store itself (hundreds of MB for a full
 * vocabulary) is memory-mapped on each executor by {@link ExecutorRewriters}.
 *
 * <p>Built on the driver by {@link #embeddedDefault()} or {@link #file(String)}, both of which
 * open the store once there, so that a missing, truncated or corrupted store fails the job before
 * any task runs. Executors check that the store they open has the same CRC32C checksum.
 *
 * @param path the store file as given (absolute or relative), or {@code null} for the embedded
 *     default store ({@link DefaultEmbeddings})
 * @param checksum CRC32C of the store file as verified on the driver
 */
public record StoreLocation(String path, long checksum) implements Serializable {

  /**
   * Opens the embedded default store on the driver (GloVe 6B 100d, 20,000 words).
   *
   * @return the location of the embedded default store; each executor extracts its own copy
   */
  public static StoreLocation embeddedDefault() {
    return new StoreLocation(null, DefaultEmbeddings.open().checksum());
  }

  /**
   * Opens and verifies a store file on the driver. The file must be readable at the same path on
   * every executor (a shared or distributed file system mounted everywhere), or be shipped with
   * {@code spark-submit --files STORE}, in which case executors find it by its file name through
   * {@link SparkFiles#get(String)}.
   *
   * @param path a store written by {@code dx-rewrite import-embeddings}
   * @return the location, with the checksum the driver verified
   * @throws StoreFormatException if the file is missing, truncated, corrupted or of another
   *     format version; the message names the file
   */
  public static StoreLocation file(String path) {
    return new StoreLocation(path, EmbeddingStore.open(Path.of(path)).checksum());
  }

  /**
   * @return a description for logs: the path, or the embedded default's name
   */
  public String describe() {
    return path == null ? DefaultEmbeddings.NAME : path;
  }

  /**
   * Opens the store on this JVM (called once per executor by {@link ExecutorRewriters}). The path
   * is tried as given, then as a file shipped with {@code --files}.
   *
   * @return the memory-mapped store
   * @throws StoreFormatException if the store cannot be found on this executor, or is damaged
   * @throws DxRewriteException if the store found here differs from the one the driver verified
   */
  EmbeddingStore open() {
    EmbeddingStore store = path == null ? DefaultEmbeddings.open() : EmbeddingStore.open(locate());
    if (store.checksum() != checksum) {
      throw new DxRewriteException(ErrorKind.ENVIRONMENT,
          "embedding store " + store.path() + " on this executor has checksum "
              + Long.toHexString(store.checksum()) + " but the driver verified "
              + Long.toHexString(checksum) + "; every executor must read the same store");
    }
    return store;
  }

  private Path locate() {
    Path given = Path.of(path);
    if (Files.isRegularFile(given)) {
      return given;
    }
    Path shipped = shippedCopy(given.getFileName().toString());
    if (shipped != null && Files.isRegularFile(shipped)) {
      return shipped;
    }
    throw new StoreFormatException(
        given.toAbsolutePath(),
        "no such file on this executor; put the store on a path every executor can read, or ship"
            + " it with spark-submit --files");
  }

  private static Path shippedCopy(String fileName) {
    try {
      return Path.of(SparkFiles.get(fileName));
    } catch (RuntimeException noSparkEnv) {
      return null;
    }
  }
}
