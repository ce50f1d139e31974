package io.dxrewrite.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

/** Test helper: what the process umask gives a new file (Java cannot read the umask itself). */
public final class UmaskProbe {
  private UmaskProbe() {}

  /**
   * @param dir a folder
   * @return the permissions of a file created plainly there ({@link Files#createFile}, mode 0666
   *     less the umask); the probe file is deleted again
   * @throws IOException if the folder is not writable
   */
  public static Set<PosixFilePermission> permissions(Path dir) throws IOException {
    Path probe = Files.createFile(dir.resolve(".umask-probe-" + System.nanoTime()));
    try {
      return Files.getPosixFilePermissions(probe);
    } finally {
      Files.delete(probe);
    }
  }
}
