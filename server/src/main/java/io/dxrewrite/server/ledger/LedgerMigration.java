package io.dxrewrite.server.ledger;

import io.dxrewrite.error.DxRewriteException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Converts a ledger of format 1 (the append-only text file, {@link LedgerFormat}) into the
 * embedded store of format 2, once, in place. Steps, each durable before the next, so a crash at
 * any point leaves either the old file (the migration reruns) or the new store and a backup:
 *
 * <ol>
 *   <li>replay the old file (a torn last line is dropped as on every open; damage before it
 *       refuses the migration);
 *   <li>write every charge into a new store at {@code <ledger>.migrating}, commit and fsync;
 *   <li>copy the old file to {@code <ledger>.v1.bak} (or {@code .v1.bak.<millis>} if that name is
 *       taken) and fsync it;
 *   <li>rename the new store over the ledger (atomic rename) and fsync the directory.
 * </ol>
 */
final class LedgerMigration {
  private static final Logger LOG = LoggerFactory.getLogger(LedgerMigration.class);
  private static final byte[] V1 = LedgerFormat.HEADER.getBytes(StandardCharsets.US_ASCII);

  private LedgerMigration() {}

  /** What a ledger path holds. */
  enum Kind {
    /** Nothing yet (missing or empty): a new store is created. */
    NONE,
    /** A ledger of format 1 (or the start of its header). */
    V1,
    /** Anything else: opened as a store of format 2, which refuses what it cannot read. */
    STORE
  }

  /**
   * @param path the ledger path
   * @return what it holds, judged from its first bytes
   */
  static Kind kind(Path path) throws IOException {
    if (!Files.exists(path) || Files.size(path) == 0) {
      return Kind.NONE;
    }
    byte[] head = new byte[V1.length];
    int n;
    try (var in = Files.newInputStream(path)) {
      n = in.readNBytes(head, 0, head.length);
    }
    for (int i = 0; i < n; i++) {
      if (head[i] != V1[i]) {
        return Kind.STORE;
      }
    }
    return Kind.V1;
  }

  /**
   * Migrates a format-1 ledger at {@code path} (see the class comment).
   *
   * @param path the ledger path, holding format 1
   * @param writer writes the replayed charges into a new store file and makes them durable
   * @return the backup of the old file
   * @throws DxRewriteException if the old file is damaged before its last line
   */
  static Path migrate(Path path, StoreWriter writer) throws IOException {
    LedgerFormat.Replay replay;
    try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
      replay = LedgerFormat.replay(path, channel);
    }
    Path temp = path.resolveSibling(path.getFileName() + ".migrating");
    Files.deleteIfExists(temp);
    writer.write(temp, replay);
    Path backup = path.resolveSibling(path.getFileName() + ".v1.bak");
    if (Files.exists(backup)) {
      backup = path.resolveSibling(path.getFileName() + ".v1.bak." + System.currentTimeMillis());
    }
    Files.copy(path, backup, StandardCopyOption.COPY_ATTRIBUTES);
    try (FileChannel c = FileChannel.open(backup, StandardOpenOption.WRITE)) {
      c.force(true);
    }
    Files.move(temp, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    syncDirectory(path.toAbsolutePath().getParent());
    LOG.info("ledger {}: migrated {} charges from format 1 to format 2; the old file is kept as {}",
        path, replay.entries().size(), backup.getFileName());
    return backup;
  }

  /** Best effort: on Linux a directory can be opened and forced, elsewhere this may fail. */
  private static void syncDirectory(Path dir) {
    if (dir == null) {
      return;
    }
    try (FileChannel c = FileChannel.open(dir, StandardOpenOption.READ)) {
      c.force(true);
    } catch (IOException e) {
      LOG.debug("cannot fsync directory {} ({})", dir, e.getClass().getSimpleName());
    }
  }

  /** Writes replayed format-1 charges into a new store file. */
  @FunctionalInterface
  interface StoreWriter {
    /**
     * @param file the new store's file (does not exist yet)
     * @param replay the old ledger's charges
     */
    void write(Path file, LedgerFormat.Replay replay) throws IOException;
  }
}
