package io.dxrewrite.cli.io;

import io.dxrewrite.error.InvalidInputException;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * An output file that appears under its final name only on success: bytes go to a temporary file
 * in the same folder, which {@link #commit()} forces to disk and renames into place atomically.
 * {@link #close()} without commit deletes the temporary file, so a failure leaves no partial file
 * under the output name (and an existing file there untouched).
 *
 * <p>A symbolic link is followed: the file it points to is replaced, the link stays. An existing
 * output that is not a regular file (a FIFO, a character device such as {@code /dev/null} or
 * {@code /dev/stdout}) cannot be replaced atomically and is written directly instead; a failure
 * then leaves what was already written in it.
 */
public final class AtomicOutput implements AutoCloseable {
  private final Path target;
  private final Path temporary;
  private final OutputStream stream;
  private boolean committed;
  private final Thread cleanup;

  /**
   * @param target the final output path
   * @throws InvalidInputException if the output folder does not exist or is not writable
   * @throws IOException on other failures
   */
  public AtomicOutput(Path target) throws IOException {
    this.target = followLinks(target.toAbsolutePath());
    Path dir = this.target.getParent();
    if (!Files.isDirectory(dir)) {
      throw new InvalidInputException("output folder " + dir + " does not exist");
    }
    if (Files.exists(this.target)
        && !Files.isRegularFile(this.target)
        && !Files.isDirectory(this.target)) {
      // a FIFO or a device: renaming a file over it would replace the special file itself
      this.temporary = null;
      this.stream =
          new BufferedOutputStream(
              Files.newOutputStream(this.target, StandardOpenOption.WRITE), 1 << 16);
      this.cleanup = null;
      return;
    }
    try {
      this.temporary = Files.createTempFile(dir, "." + this.target.getFileName() + ".", ".partial");
    } catch (java.nio.file.AccessDeniedException e) {
      throw new InvalidInputException("output folder " + dir + " is not writable");
    }
    this.stream = new BufferedOutputStream(Files.newOutputStream(temporary), 1 << 16);
    // an interrupted run (Ctrl-C, SIGTERM) must not leave partial output behind either
    this.cleanup = new Thread(() -> deleteQuietly(temporary), "dx-rewrite-partial-cleanup");
    Runtime.getRuntime().addShutdownHook(cleanup);
  }

  /** The file a chain of symbolic links points to (the path itself when it is no link). */
  private static Path followLinks(Path path) throws IOException {
    Path current = path;
    for (int hops = 0; Files.isSymbolicLink(current); hops++) {
      if (hops == 40) {
        throw new InvalidInputException("output " + path + ": too many levels of symbolic links");
      }
      current = current.getParent().resolve(Files.readSymbolicLink(current)).normalize();
    }
    return current;
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException ignored) {
      // best effort at shutdown
    }
  }

  /**
   * @return whether the output is written directly (a FIFO or a device), so that a failure leaves
   *     what was written so far in it
   */
  public boolean direct() {
    return temporary == null;
  }

  /**
   * @return the stream to write to (the temporary file, or the FIFO or device itself)
   */
  public OutputStream stream() {
    return stream;
  }

  /**
   * Flushes, forces to disk and renames the temporary file to the target.
   *
   * @throws IOException if any step fails (the temporary file is then removed by close)
   */
  public void commit() throws IOException {
    stream.flush();
    stream.close();
    if (temporary == null) {
      committed = true;
      return;
    }
    try (FileChannel ch = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
      ch.force(true);
    }
    // keep an existing file's permissions; a new file gets rw-r--r-- (temporary files are 0600)
    java.util.Set<java.nio.file.attribute.PosixFilePermission> permissions =
        Files.exists(target)
            ? Files.getPosixFilePermissions(target)
            : java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--");
    Files.setPosixFilePermissions(temporary, permissions);
    Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    committed = true;
  }

  @Override
  public void close() throws IOException {
    if (temporary == null) {
      stream.close();
      return;
    }
    try {
      Runtime.getRuntime().removeShutdownHook(cleanup);
    } catch (IllegalStateException shuttingDown) {
      // the hook runs anyway
    }
    if (!committed) {
      try {
        stream.close();
      } finally {
        Files.deleteIfExists(temporary);
      }
    }
  }
}
