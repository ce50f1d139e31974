package io.dxrewrite.files;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A new, empty temporary file next to a target, for writing the target atomically (write, force,
 * then rename over the target), created with the process umask's permissions.
 *
 * <p>Why: {@link Files#createTempFile} creates files 0600 whatever the umask, and the rename keeps
 * that, so a store, neighbour table or calibration cache shared with another user (e.g. Spark
 * executors) became unreadable to them. A file created plainly ({@code open(O_CREAT|O_EXCL)} with
 * mode 0666) gets {@code 0666 & ~umask}, as {@code cp}, shells and the CLI's outputs do: 0644 under
 * the usual umask 022, 0600 under 077.
 */
public final class UmaskTempFile {
  private static final int ATTEMPTS = 100;

  private UmaskTempFile() {}

  /**
   * Creates {@code .NAME.RANDOM.tmp} in the target's folder (a hidden name that never shadows the
   * target), creating the folder first if needed.
   *
   * @param target the file that the caller will later replace by renaming the temporary file
   * @return the new empty file, in the same folder as {@code target} (so that the rename is atomic)
   * @throws IOException if the folder cannot be created or no unused name was found
   */
  public static Path createSibling(Path target) throws IOException {
    Path absolute = target.toAbsolutePath();
    Path dir = absolute.getParent();
    Files.createDirectories(dir);
    for (int i = 0; i < ATTEMPTS; i++) {
      String suffix = Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36);
      Path candidate = dir.resolve("." + absolute.getFileName() + "." + suffix + ".tmp");
      try {
        return Files.createFile(candidate);
      } catch (FileAlreadyExistsException e) {
        // another writer drew the same name: draw again
      }
    }
    throw new IOException("no unused temporary name next to " + absolute + " after " + ATTEMPTS
        + " attempts");
  }
}
